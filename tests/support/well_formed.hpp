#pragma once
// Test oracle for the value invariants of value.hpp, written independently of the builders:
// sets strictly ascending in canonical order with the right SetKind, tuples normalised (no
// Tuple that should be a Pair, Cell, Triple or Grid), grids non-empty, no Error inside containers.
#include <string>

#include "dsl/check.hpp"
#include "dsl/registry.hpp"
#include "dsl/value.hpp"

namespace batt::dsl::testing {

inline bool small_int_row(const Value& v, std::int64_t& w) {
  if (v.is_pair()) {
    w = 2;
    return fits_i8(v.a()) && fits_i8(v.b());
  }
  if (v.is_triple()) {
    w = 3;
    return fits_i8(v.a()) && fits_i8(v.b()) && fits_i8(v.c());
  }
  if (!v.is_tuple() || v.as_tuple().n == 0) return false;
  for (const Value& x : v.as_tuple().span()) {
    if (!x.is_int() || !fits_i8(x.as_int())) return false;
  }
  w = v.as_tuple().n;
  return true;
}

// Empty string when v is well formed, else what is wrong.
inline std::string why_malformed(const Value& v) {
  switch (v.tag()) {
    case Tag::Prim:
      return (v.prim_index() >= 0 && static_cast<std::size_t>(v.prim_index()) < all_prims().size())
                 ? ""
                 : "bad prim index";
    case Tag::Grid:
      return (v.as_grid().h >= 1 && v.as_grid().w >= 1) ? "" : "empty Grid";
    case Tag::Tuple: {
      const TupleObj& t = v.as_tuple();
      for (const Value& x : t.span()) {
        if (x.is_error()) return "Error inside a tuple";
        if (auto w = why_malformed(x); !w.empty()) return w;
      }
      if (t.n == 2) {
        const Value& a = t.items()[0];
        const Value& b = t.items()[1];
        if (a.is_int() && fits_i32(a.as_int()) && b.is_int() && fits_i32(b.as_int()))
          return "Tuple that should be a Pair";
        if (a.is_int() && fits_i32(a.as_int()) && b.is_pair()) return "Tuple that should be a Cell";
      }
      if (t.n == 3) {
        bool ints = true;
        for (const Value& x : t.span()) ints = ints && x.is_int() && fits_i32(x.as_int());
        if (ints) return "Tuple that should be a Triple";
      }
      std::int64_t w0 = 0, w = 0;
      bool grid = t.n > 0 && small_int_row(t.items()[0], w0);
      for (std::size_t k = 1; grid && k < t.n; ++k)
        grid = small_int_row(t.items()[k], w) && w == w0;
      return grid ? "Tuple that should be a Grid" : "";
    }
    case Tag::Set: {
      const SetObj& s = v.as_set();
      bool ints = true, pairs = true, cells = true, triples = true;
      for (std::size_t k = 0; k < s.n; ++k) {
        const Value& x = s.items()[k];
        if (x.is_error()) return "Error inside a set";
        if (auto w = why_malformed(x); !w.empty()) return w;
        if (k > 0 && compare(s.items()[k - 1], x) >= 0) return "set not strictly ascending";
        ints = ints && x.is_intlike();
        pairs = pairs && x.is_pair();
        cells = cells && x.is_cell();
        triples = triples && x.is_triple();
      }
      const SetKind want = s.n == 0  ? SetKind::Empty
                           : ints    ? SetKind::Ints
                           : pairs   ? SetKind::Pairs
                           : cells   ? SetKind::Cells
                           : triples ? SetKind::Triples
                                     : SetKind::Mixed;
      return s.kind == want ? "" : "wrong SetKind";
    }
    case Tag::Closure: {
      const ClosureObj& c = v.as_closure();
      for (std::size_t k = 0; k < c.n; ++k) {
        if (auto w = why_malformed(c.caps()[k]); !w.empty()) return w;
      }
      return "";
    }
    default:
      return "";
  }
}

}  // namespace batt::dsl::testing
