#pragma once
// The five canonical programs of tokpidjin-pipeline.md §5.2, with the MD5s recorded from the
// reference: shared by the canonicaliser's test (text and MD5) and the evaluator's (every name
// resolves, every program runs). The first two texts are printed there; the last three are
// the differ finals whose §6 expansion (last_t 17) and structure the reference describes.
namespace batt::testing {

struct TokVector {
  const char* fn;    // "solve" or "differ"
  const char* expr;  // the returned expression, canonical
  const char* md5;   // of "def <fn>(S, I, C):\n    return <expr>"
};

inline constexpr TokVector kTokVectors[] = {
    {"solve",
     "fill(I, YELLOW, mfilter_f(sfilter_f(colorfilter_t(o_g_t(I, R4), ZERO), fork(equality, "
     "toindices, backdrop)), chain(matcher(size, ZERO), rbind(intersection, f_ofcolor(I, GRAY)), "
     "fork(difference, chain(lbind(mapply, dneighbors), corners, outbox), outbox))))",
     "bd7815e569e6721834630885e05fd9a1"},
    {"differ",
     "astuple(size(difference_tuple(identity(p_g)(C), identity(p_g)(I))), "
     "get_nth_t(difference_tuple(identity(p_g)(C), identity(p_g)(I)), F0))",
     "27f29164d6f638c0cbe648aef9150390"},
    {"differ",
     "astuple(size(difference_tuple(identity(p_g)(I), identity(p_g)(C))), "
     "get_nth_t(difference_tuple(identity(p_g)(I), identity(p_g)(C)), F0))",
     "9d099542b6947ab4eb069e74f5eb4871"},
    {"differ",
     "astuple(FOUR, get_nth_f(difference(rbind(sizefilter, ONE)(UP_RIGHT), rbind(sizefilter, "
     "ONE)(rbind(o_g, R5)(C))), F0))",
     "8eef705089ca320c84e5e86bed6789cf"},
    {"differ",
     "astuple(size(difference(rbind(sizefilter, ONE)(rbind(o_g, R5)(C)), rbind(sizefilter, "
     "ONE)(UP_RIGHT))), get_nth_f(difference(rbind(sizefilter, ONE)(rbind(o_g, R5)(C)), "
     "rbind(sizefilter, ONE)(UP_RIGHT)), F0))",
     "5ed2d4433c027790ea10440e031d9f1a"},
};

}  // namespace batt::testing
