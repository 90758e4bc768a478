#pragma once
#include <boost/fusion/include/adapt_struct.hpp>

#include "dsl/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::Value, head, port)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::Attr, key, values)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::DeviceStmt, name, kind, attrs)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::LinkStmt, a, b, attrs)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::LagStmt, name, attrs)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::McLagStmt, name, attrs)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::PrefixStmt, name, cidr, origins)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::StaticStmt, device, dest, via, attrs)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::BgpStmt, a, b, attrs)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::TunnelStmt, name, a, b, attrs)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::OriginateStmt, device, prefixes)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::FaultParam, key, value)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::FaultLine, verb, args, mode, param)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::FaultsStmt, keyword, lines)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::Clause, keyword, args)
BOOST_FUSION_ADAPT_STRUCT(faultline::dsl::ast::RequireStmt, body, clauses)
