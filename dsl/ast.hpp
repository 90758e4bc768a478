// The syntax tree of a faultline design.  Plain structs: only grammar.cpp sees Spirit.
// Every node records the byte range it was parsed from (offset, end).
#pragma once
#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <cstddef>
#include <string>
#include <vector>

namespace faultline::dsl::ast {

struct Node {
  std::size_t offset = 0;
  std::size_t end = 0;
};

// A name, number or keyword-like value: bare or double-quoted (quotes removed).
struct Word : Node {
  // How it was written: a bare name, a quoted string, or a word that starts with a digit (a
  // number or an address), which is never a name (DESIGN.md §3).
  enum class Kind { name, quoted, number };
  std::string text;
  Kind kind = Kind::name;
};

// An attribute value: a word, or a port reference DEV:PORT.
struct Value : Node {
  Word head;
  boost::optional<Word> port;
};

// `key = value, value, …;`
struct Attr : Node {
  Word key;
  std::vector<Value> values;
};
using AttrBlock = std::vector<Attr>;

struct DesignStmt : Node {
  Word name;
};

struct DeviceStmt : Node {
  Word name;
  Word kind;
  boost::optional<AttrBlock> attrs;
};

struct LinkStmt : Node {
  Value a;
  Value b;
  boost::optional<AttrBlock> attrs;
};

struct LagStmt : Node {
  Value name;  // DEV:NAME
  AttrBlock attrs;
};

struct McLagStmt : Node {
  Word name;
  AttrBlock attrs;
};

// `down device, link;`  `blackhole switch;`  `common os, site blackhole;`
// `KEY = VALUE` after a fault line's classes: `p = 1e-3`.
struct FaultParam : Node {
  Word key;
  Word value;
};

struct FaultLine : Node {
  Word verb;
  std::vector<Word> args;
  boost::optional<Word> mode;
  boost::optional<FaultParam> param;
};

struct FaultsStmt : Node {
  Word keyword;
  std::vector<FaultLine> lines;
};

// `prefix NAME CIDR at DEV, …;` (DESIGN.md §7)
struct PrefixStmt : Node {
  Word name;
  Word cidr;
  std::vector<Word> origins;
};

// `static DEV (PREFIX | CIDR) via NBR, … [{ bfd = on; distance = N; }]` (DESIGN.md §7)
struct StaticStmt : Node {
  Word device;
  Word dest;
  std::vector<Word> via;
  boost::optional<AttrBlock> attrs;
};

// `bgp A -- B [{ export = …; import = …; local-pref = N; }]` (DESIGN.md §8): A's policy
struct BgpStmt : Node {
  Word a;
  Word b;
  boost::optional<AttrBlock> attrs;
};

// `tunnel NAME A -- B [{ … }]` (DESIGN.md §9)
struct TunnelStmt : Node {
  Word name;
  Word a;
  Word b;
  boost::optional<AttrBlock> attrs;
};

// `originate DEV PREFIX, …;` (DESIGN.md §8)
struct OriginateStmt : Node {
  Word device;
  std::vector<Word> prefixes;
};

// `require reach A -> B`  `require isolate A -> B`  `require connected (DEV, … | *)`
// `require no-export P to D`  `require announce P to D` (DESIGN.md §8)
struct RequireBody : Node {
  Word kind;  // "reach", "isolate", "connected", "no-export" or "announce"
  // reach, isolate: from, to; connected: the devices, or one "*"; no-export, announce: P, D
  std::vector<Word> endpoints;
};

// A clause after the body, in any order: `via W, …`, `avoid X, …`, `tolerate K`.  Which
// clauses a kind takes, and how many arguments, is the resolver's to check (DESIGN.md §3).
struct Clause : Node {
  Word keyword;
  std::vector<Word> args;
};

struct RequireStmt : Node {
  RequireBody body;
  std::vector<Clause> clauses;
};

struct Statement
    : boost::spirit::x3::variant<DesignStmt, DeviceStmt, LinkStmt, LagStmt, McLagStmt, PrefixStmt,
                                 StaticStmt, BgpStmt, OriginateStmt, TunnelStmt, FaultsStmt,
                                 RequireStmt> {
  using base_type::base_type;
  using base_type::operator=;
};

}  // namespace faultline::dsl::ast
