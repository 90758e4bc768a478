// A violation in the network engineer's words: the walk hop by hop with ports, where it dies,
// why no detector noticed, and the control-plane state that sent it there.
#pragma once
#include <string>
#include <vector>

#include "models/requirements.hpp"

namespace faultline::verifier {

struct Hop {
  std::string device;
  std::string in;   // port it arrived on ("" at the source)
  std::string out;  // port it left from ("" at the last hop, unless the egress port drops)
  std::string via;  // the LAG it left over, if any
};

struct Explanation {
  std::string source, destination;
  std::vector<Hop> walk;
  std::string drop_device;
  std::string drop_reason;             // "blackhole", "blackhole-port", "no-route", "loop"
  std::string drop_port;               // blackhole-port: DEV:PORT
  std::string drop_detail;             // one sentence
  std::vector<std::string> unnoticed;  // why no detector saw it
  std::vector<std::string> state;      // split brain, bundles down
};

Explanation explain(const models::Network& net, const models::Witness& w);

// The walk on one line: "a eth0 (bond0) -> h0 b up1 -> down0 c".
std::string walk_line(const Explanation& e);

}  // namespace faultline::verifier
