#pragma once
// Our own solver programs for ARC-AGI-1 training tasks, written through the registry (the way
// the evaluator runs candidates). Shared by tests/solvers/arc_solvers_test.cpp, which checks
// every train and test pair, and bench/dsl_bench.cpp, which times them. Most need closures
// (rbind, lbind, compose, chain, fork, matcher, power, branch over functions, calls of
// values).
#include <functional>
#include <map>
#include <string>

#include "support/dsl_program.hpp"

namespace batt::dsl::testing {

using Solver = std::function<Value(Dsl&, const Value&)>;

// The cells of the black components that do not touch the grid's border (two tasks fill
// them, in different colours).
inline Value enclosed_black(Dsl& d, const Value& I) {
  Value x1 = d("objects", I, "T", "F", "F");
  Value x2 = d("colorfilter", x1, "ZERO");
  Value x3 = d("rbind", "bordering", I);
  Value x4 = d("compose", "flip", x3);
  return d("mfilter", x2, x4);
}

inline const std::map<std::string, Solver>& solvers() {
  static const std::map<std::string, Solver> s = {
      // Enclosed black regions become yellow.
      {"00d62c1b",
       [](Dsl& d, const Value& I) { return d("fill", I, "FOUR", enclosed_black(d, I)); }},
      // Same task shape, filled with blue.
      {"a5313dff",
       [](Dsl& d, const Value& I) { return d("fill", I, "ONE", enclosed_black(d, I)); }},
      // Every object moves up by its own height.
      {"5521c0d9",
       [](Dsl& d, const Value& I) {
         Value x1 = d("objects", I, "T", "F", "T");
         Value x2 = d("cover", I, d("merge", x1));
         Value x3 = d("chain", "toivec", "invert", "height");
         Value x4 = d("fork", "shift", "identity", x3);
         return d("paint", x2, d("mapply", x4, x1));
       }},
      // Fractal: the grid tiled 3 x 3, kept where the upscaled grid is coloured.
      {"007bbfb7",
       [](Dsl& d, const Value& I) {
         Value x1 = d("upscale", I, "THREE");
         Value x2 = d("hconcat", I, d("hconcat", I, I));
         Value x3 = d("vconcat", x2, d("vconcat", x2, x2));
         return d("cellwise", x1, x3, "ZERO");
       }},
      // The inside of every grey rectangle becomes red.
      {"bb43febb",
       [](Dsl& d, const Value& I) {
         Value x1 = d("colorfilter", d("objects", I, "T", "F", "F"), "FIVE");
         Value x2 = d("compose", "backdrop", "inbox");
         return d("fill", I, "TWO", d("mapply", x2, x1));
       }},
      // Two equal colours on one row are joined by a line of that colour.
      {"22eb0ac0",
       [](Dsl& d, const Value& I) {
         Value x1 = d("fgpartition", I);
         Value x2 = d("fork", "recolor", "color", "backdrop");
         Value x3 = d("apply", x2, x1);
         return d("paint", I, d("mfilter", x3, "hline"));
       }},
      // Equal colours are joined horizontally, then vertically (vertical lines on top).
      {"40853293",
       [](Dsl& d, const Value& I) {
         Value x1 = d("partition", I);
         Value x2 = d("fork", "recolor", "color", "backdrop");
         Value x3 = d("apply", x2, x1);
         Value x4 = d("paint", I, d("mfilter", x3, "hline"));
         return d("paint", x4, d("mfilter", x3, "vline"));
       }},
      // The grid is two copies: keep the first half, along the longer side.
      {"7b7f7511",
       [](Dsl& d, const Value& I) {
         Value x1 = d("branch", d("portrait", I), "tophalf", "lefthalf");
         return d(x1, I);
       }},
      // Objects of size 2, 3, 4 are painted 3, 2, 1 (a bound, composed lookup called 3 times).
      {"6e82a1ae",
       [](Dsl& d, const Value& I) {
         Value x1 = d("objects", I, "T", "F", "T");
         Value x2 = d("lbind", "sizefilter", x1);
         Value x3 = d("compose", "merge", x2);
         Value x4 = d("fill", I, "THREE", d(x3, "TWO"));
         Value x5 = d("fill", x4, "TWO", d(x3, "THREE"));
         return d("fill", x5, "ONE", d(x3, "FOUR"));
       }},
      // Objects of size 6 become red, the others blue.
      {"d2abd087",
       [](Dsl& d, const Value& I) {
         Value x1 = d("objects", I, "T", "F", "T");
         Value x2 = d("sfilter", x1, d("matcher", "size", "SIX"));
         Value x3 = d("difference", x1, x2);
         Value x4 = d("fill", I, "TWO", d("merge", x2));
         return d("fill", x4, "ONE", d("merge", x3));
       }},
      // Half a turn, as rot90 applied twice through power.
      {"3c9b0459", [](Dsl& d, const Value& I) { return d(d("power", "rot90", "TWO"), I); }},
      // Closed rectangular outlines (with an inside) of blue become green.
      {"810b9b61",
       [](Dsl& d, const Value& I) {
         Value x1 = d("apply", "toindices", d("objects", I, "T", "T", "T"));
         Value x2 = d("fork", "equality", "identity", "box");
         Value x3 = d("chain", "positive", "size", "delta");
         Value x4 = d("mfilter", x1, d("fork", "both", x2, x3));
         return d("fill", I, "THREE", x4);
       }},
      // Corners of every L-shaped tromino: the missing cell of its box becomes blue.
      {"3aa6fb7a",
       [](Dsl& d, const Value& I) {
         Value x1 = d("objects", I, "T", "F", "T");
         return d("underfill", I, "ONE", d("mapply", "corners", x1));
       }},
      // Neighbours of red cells become blue where the grid is background.
      {"dc1df850",
       [](Dsl& d, const Value& I) {
         Value x1 = d("ofcolor", I, "TWO");
         return d("underfill", I, "ONE", d("mapply", "neighbors", x1));
       }},
      // Pairs of red cells get a green frame.
      {"b27ca6d3",
       [](Dsl& d, const Value& I) {
         Value x1 = d("sizefilter", d("objects", I, "T", "F", "T"), "TWO");
         return d("fill", I, "THREE", d("mapply", "outbox", x1));
       }},
      // The border of the grid becomes azure.
      {"6f8cd79b",
       [](Dsl& d, const Value& I) { return d("fill", I, "EIGHT", d("box", d("asindices", I))); }},
      // Both diagonals become black.
      {"ea786f4a",
       [](Dsl& d, const Value& I) {
         Value x1 = d("shoot", "ORIGIN", "UNITY");
         Value x2 = d("tojvec", d("decrement", d("width", I)));
         Value x3 = d("shoot", x2, "DOWN_LEFT");
         return d("fill", I, "ZERO", d("combine", x1, x3));
       }},
      // The (diagonally connected) object, cropped and doubled in size.
      {"f25fbde4",
       [](Dsl& d, const Value& I) {
         Value x1 = d("first", d("objects", I, "T", "T", "T"));
         return d("upscale", d("subgrid", x1, I), "TWO");
       }},
      // The grid next to its mirror image.
      {"c9e6f938", [](Dsl& d, const Value& I) { return d("hconcat", I, d("vmirror", I)); }},
      // The azure object moves down one row and turns red.
      {"a79310a0",
       [](Dsl& d, const Value& I) {
         Value x1 = d("first", d("objects", I, "T", "F", "T"));
         return d("replace", d("move", I, x1, "DOWN"), "EIGHT", "TWO");
       }},
      // Largest black region blue, smallest black regions azure.
      {"6455b5f5",
       [](Dsl& d, const Value& I) {
         Value x1 = d("colorfilter", d("objects", I, "T", "F", "F"), "ZERO");
         Value x2 = d("argmax", x1, "size");
         Value x3 = d("sizefilter", x1, d("valmin", x1, "size"));
         Value x4 = d("paint", I, d("recolor", "ONE", x2));
         return d("fill", x4, "EIGHT", d("merge", x3));
       }},
      // Isolated red cells become blue.
      {"aedd82e4",
       [](Dsl& d, const Value& I) {
         Value x1 = d("colorfilter", d("objects", I, "T", "F", "F"), "TWO");
         return d("fill", I, "ONE", d("merge", d("sizefilter", x1, "ONE")));
       }},
      // The two colours swap and grey becomes black.
      {"f76d97a5",
       [](Dsl& d, const Value& I) {
         Value x1 = d("palette", I);
         Value x2 = d("switch", I, d("first", x1), d("last", x1));
         return d("replace", x2, "FIVE", "ZERO");
       }},
  };
  return s;
}

}  // namespace batt::dsl::testing
