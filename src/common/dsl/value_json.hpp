#pragma once
// JSON encoding of DSL values, as used by the golden vectors (shared/golden/README.md):
// int -> number, bool -> true/false, None -> null, tuple -> {"t":[...]},
// frozenset -> {"s":[...]}, a primitive used as a value -> {"fn":"name"}.
// Closures and errors have no encoding.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "dsl/ctx.hpp"
#include "dsl/registry.hpp"
#include "dsl/value.hpp"

namespace batt::dsl {

// Decodes `j` into a value allocated in ctx's arena. Returns an Error value (Type) and sets
// `why` when the JSON is not a valid encoding (unknown primitive, float, bad object, ...).
Value value_from_json(const nlohmann::json& j, EvalCtx& ctx, std::string& why,
                      Dialect d = Dialect::ArcDsl);

// Decodes an ARC task grid (a JSON array of equal-length arrays of ints 0..9, as in
// shared/arc/**/<id>.json) into a Grid. Returns an Error value and sets `why` otherwise.
Value grid_from_arc_json(const nlohmann::json& j, EvalCtx& ctx, std::string& why);

// Encodes a value as an ARC grid (array of arrays of ints); null when it is not a Grid.
nlohmann::json grid_to_arc_json(const Value& v);

// Encodes v. Closures and errors encode as {"closure": repr} / {"error": repr} so that a
// mismatch report can show them; value_from_json rejects those forms.
nlohmann::json value_to_json(const Value& v);

}  // namespace batt::dsl
