#include "models/routes.hpp"

namespace faultline::models {

const char* source_name(RouteSource s) {
  switch (s) {
    case RouteSource::connected:
      return "connected";
    case RouteSource::static_route:
      return "static";
    case RouteSource::ebgp:
      return "eBGP";
    case RouteSource::igp:
      return "IGP";
    case RouteSource::ibgp:
      return "iBGP";
  }
  return "IGP";
}

unsigned default_distance(RouteSource s, bool junos) {
  switch (s) {
    case RouteSource::connected:
      return 0;
    case RouteSource::static_route:
      return junos ? 5 : 1;
    case RouteSource::ebgp:
      return junos ? 170 : 20;
    case RouteSource::igp:
      return junos ? 10 : 110;
    case RouteSource::ibgp:
      return junos ? 170 : 200;
  }
  return 110;
}

}  // namespace faultline::models
