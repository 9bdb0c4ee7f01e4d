#pragma once
// The canonical and expanded forms of a candidate (tokpidjin-pipeline.md §5.2 and §6).
//   canonical: "def solve(S, I, C):\n    return " + E, E the fully inlined expression printed
//              as callee(arg, arg) (a call of a call is f(a)(b)), no trailing newline;
//              "def differ(S, I, C):..." for differs. Its MD5 is the candidate's id, the same
//              as tokpidjin's file names.
//   expanded:  the same program with common sub-expressions shared, as tokpidjin's
//              solver_md5 files: "from dsl import *\nfrom constants import *\n\ndef solve(S, I,
//              C):\n    x1 = ...\n    O = ...\n    return O\n".
// All walks are iterative (a 15,000-line chain cannot overflow the stack), and the MD5 is
// streamed over the DAG: the canonical text, which can be exponentially long, is built only
// on request and only after its length (known per node) was checked by the caller.
#include <cstdint>
#include <string>
#include <string_view>

#include "program/dag.hpp"

namespace batt::program {

enum class ProgramKind : std::uint8_t { Solver, Differ };

const char* kind_name(ProgramKind k) noexcept;  // "solver" / "differ"

// "def solve(S, I, C):\n    return " or "def differ(S, I, C):\n    return ".
std::string_view canonical_header(ProgramKind k) noexcept;

// Bytes of the canonical text (header included), saturated at Dag::kHuge.
std::uint64_t canonical_length(const Dag& dag, NodeId root, ProgramKind k) noexcept;

// The inlined expression E alone. Cost and size: text_length(root).
std::string expression_text(const Dag& dag, NodeId root);

// The canonical text. Check canonical_length() first: it may be astronomically long.
std::string canonical_text(const Dag& dag, NodeId root, ProgramKind k);

// MD5 (lowercase hex) of the canonical text, streamed without building it. Time is linear in
// canonical_length(), so check that first too.
std::string canonical_md5(const Dag& dag, NodeId root, ProgramKind k);

// Bytes of the expanded form (§6), computed without building it (saturated at Dag::kHuge).
// Usually close to the DAG's size, but a tuple operand is printed whole wherever it is
// used, like the reference does, so nested tuples can make it exponential too.
std::uint64_t expanded_length(const Dag& dag, NodeId root, ProgramKind k);

// The expanded form (§6). Steps are named x1, x2, ... unless the program itself uses such a
// name (as a free name): then the prefix becomes xx, xxx, ... so that parsing the expanded
// form back gives the same program. Check expanded_length() first.
std::string expanded_text(const Dag& dag, NodeId root, ProgramKind k);

// MD5 of the structure of the sub-DAG under root (each distinct node once, post-order),
// linear in its size: the identity of a candidate too large to print.
std::string structure_md5(const Dag& dag, NodeId root, ProgramKind k);

}  // namespace batt::program
