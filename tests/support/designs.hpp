// Small designs that several hand tests share.
#pragma once

namespace faultline::testing {

// A peering edge: e1 with sessions to an IX and a transit (exporting cust only) and iBGP to
// e2, which originates cust (its IGP route to c); restarts, session and link faults; requirement
// 0 `no-export internet to ix`, 1 `announce cust to ix`.
inline const char* const kEdge =
    "device e1 router { asn = 64500; }\n"
    "device e2 router { asn = 64500; }\n"
    "device ix external { asn = 8714; }\n"
    "device tr external { asn = 174; }\n"
    "device c host;\n"
    "link e1:1 -- ix:1;\nlink e1:2 -- tr:1;\nlink e1:3 -- e2:3;\nlink e2:4 -- c:1;\n"
    "prefix cust 198.51.100.0/24 at c;\n"
    "prefix internet 0.0.0.0/0 at tr;\n"
    "originate e2 cust;\n"
    "bgp e1 -- ix { export = cust; }\n"
    "bgp e1 -- tr { export = cust; }\n"
    "bgp e1 -- e2;\n"
    "faults { restart router partial; down session, link; }\n"
    "require no-export internet to ix;\n"
    "require announce cust to ix;\n";

// DISAGREE: a and b each prefer the route through the other (local-pref 200 both ways), so
// the synchronous rounds alternate between two states and never settle (DESIGN.md §8).  No
// requirement: each test adds its own.
inline const char* const kDisagree =
    "device o external { asn = 1; }\ndevice a router { asn = 2; }\n"
    "device b router { asn = 3; }\n"
    "link o:1 -- a:1;\nlink o:2 -- b:1;\nlink a:2 -- b:2;\n"
    "prefix net 10.0.0.0/8 at o;\n"
    "bgp o -- a;\nbgp o -- b;\n"
    "bgp a -- b { local-pref = 200; }\nbgp b -- a { local-pref = 200; }\n";

}  // namespace faultline::testing
