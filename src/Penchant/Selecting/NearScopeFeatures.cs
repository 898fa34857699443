using System.Numerics.Tensors;
using Penchant.Language;

namespace Penchant.Selecting;

/// <summary>
/// The features of one qualifier of a scoped preference's situation against a request, compared slot by slot: the request
/// part closest to the qualifier fills the same slot ("upper-body workout" for "leg day workouts", "landlord" for
/// "recruiters"); the same head with the same words is in scope, the same slot filled by another head or another modifier is
/// near scope, and a slot the request does not fill leaves the similarity of the whole request. Read by
/// <see cref="NearScopeModel"/>.
/// </summary>
internal static class NearScopeFeatures
{
    /// <summary>The names of the features, in the order <see cref="Measure"/> returns them.</summary>
    public static readonly string[] Names =
    [
        "qualifier_z",        // the whole request against the qualifier, as a z-score against the background
        "part_z",             // the closest request part against the qualifier, as a z-score
        "part_lead",          // how much closer the closest part is than the whole request (a slot filled, not a topic shared), in spreads
        "part_disjoint",      // the closest part shares no word with the qualifier (another filler of the slot)
        "words_shared",       // the share of the qualifier's words the request states
        "head_shared",        // the request states the qualifier's last word (its head)
        "qualifier_words",    // the qualifier has more than one word
        "other_person",       // the request is for a person the qualifier does not name
        "situation_z",        // the request against the whole situation, as a z-score
        "no_parts",           // the request has no part to compare (the slot is not mentioned)
        "specific_lead",      // how much closer the request is to the situation than to its general form ("my workouts" for "my leg day workouts"), in spreads
        "specific_lead_part", // the same for the closest request part
        "has_general",        // the situation has a general form for this qualifier
        "modifier_z",         // the request (or its closest part) against the qualifier's modifier ("leg day"), as a z-score; 0 without one
        "modifier_stated",    // the request states every word of the modifier
    ];

    private const double ZLow = -4;
    private const double ZHigh = 12;

    /// <summary>Measures a qualifier against a request.</summary>
    /// <param name="q">The qualifier.</param>
    /// <param name="situationZ">The request's z-score against the whole situation.</param>
    /// <param name="request">The request, with its parts.</param>
    /// <returns>The features, in the order of <see cref="Names"/>.</returns>
    /// <param name="situation">The vector of the whole situation.</param>
    public static double[] Measure(SituationQualifier q, double situationZ, RequestView request, float[] situation)
    {
        double whole = TensorPrimitives.Dot(request.Vector, q.Vector);
        double qualifierZ = Clip((whole - q.Mean) / q.Spread);
        double bestCosine = whole;
        RequestPart? best = null;
        foreach (RequestPart part in request.Parts)
        {
            double cosine = TensorPrimitives.Dot(part.Vector, q.Vector);
            if (best is null || cosine > bestCosine)
            {
                best = part;
                bestCosine = cosine;
            }
        }

        if (best is null)
        {
            bestCosine = whole;
        }

        double specificLead = 0, specificLeadPart = 0;
        if (q.General is { } general && situation.Length > 0)
        {
            specificLead = TensorPrimitives.Dot(request.Vector, situation) - TensorPrimitives.Dot(request.Vector, general);
            double toSituation = specificLead + TensorPrimitives.Dot(request.Vector, general), toGeneral = TensorPrimitives.Dot(request.Vector, general);
            foreach (RequestPart part in request.Parts)
            {
                toSituation = Math.Max(toSituation, TensorPrimitives.Dot(part.Vector, situation));
                toGeneral = Math.Max(toGeneral, TensorPrimitives.Dot(part.Vector, general));
            }

            specificLeadPart = toSituation - toGeneral;
        }

        List<string> words = TextTools.Words(q.Text);
        HashSet<string> head = words.Count == 0 ? [] : TextTools.ContentStems(words[^1]);
        bool headShared = head.Count > 0 && head.IsSubsetOf(request.Stems);
        double shared = q.Stems.Count == 0 ? 0 : TextTools.Coverage(q.Stems, request.Stems);
        bool otherPerson = request.Person is { } who && who != q.Person;
        return
        [
            qualifierZ,
            Clip((bestCosine - q.Mean) / q.Spread),
            Clip((bestCosine - whole) / q.Spread),
            best is not null && !best.Stems.Overlaps(q.Stems) ? 1 : 0,
            shared,
            headShared ? 1 : 0,
            words.Count > 1 ? 1 : 0,
            otherPerson ? 1 : 0,
            Clip(situationZ),
            best is null ? 1 : 0,
            Clip(specificLead / q.Spread),
            Clip(specificLeadPart / q.Spread),
            q.General is null ? 0 : 1,
            q.Modifier is { } modifier ? Clip((Closest(modifier.Vector, request) - modifier.Mean) / modifier.Spread) : 0,
            q.Modifier is { Stems.Count: > 0 } stated && stated.Stems.IsSubsetOf(request.Stems) ? 1 : 0,
        ];
    }

    // The request's or its closest part's cosine to a vector.
    private static double Closest(float[] vector, RequestView request)
    {
        double best = TensorPrimitives.Dot(request.Vector, vector);
        foreach (RequestPart part in request.Parts)
        {
            best = Math.Max(best, TensorPrimitives.Dot(part.Vector, vector));
        }

        return best;
    }

    private static double Clip(double z) => Math.Clamp(z, ZLow, ZHigh);
}
