using Penchant.Domain;

namespace Penchant.Storage.Codecs;

/// <summary>The stored form of <see cref="ApplicabilityHints"/>.</summary>
internal sealed class HintsPayload
{
    public List<string>? RequestKinds { get; set; }

    public List<string>? InScopeExamples { get; set; }

    public List<string>? NearScopeExamples { get; set; }

    public string? ChainsTo { get; set; }

    public string? Source { get; set; }

    public static HintsPayload? From(ApplicabilityHints? hints)
    {
        if (hints is null
            || (hints.RequestKinds.Count == 0 && hints.InScopeExamples.Count == 0 && hints.NearScopeExamples.Count == 0
                && hints.ChainsTo is null && hints.Source is null))
        {
            return null;
        }

        return new HintsPayload
        {
            RequestKinds = NullIfEmpty(hints.RequestKinds),
            InScopeExamples = NullIfEmpty(hints.InScopeExamples),
            NearScopeExamples = NullIfEmpty(hints.NearScopeExamples),
            ChainsTo = hints.ChainsTo,
            Source = hints.Source,
        };
    }

    public ApplicabilityHints ToHints() => new()
    {
        RequestKinds = RequestKinds is null ? [] : [.. RequestKinds],
        InScopeExamples = InScopeExamples is null ? [] : [.. InScopeExamples],
        NearScopeExamples = NearScopeExamples is null ? [] : [.. NearScopeExamples],
        ChainsTo = ChainsTo,
        Source = Source,
    };

    private static List<string>? NullIfEmpty(IReadOnlyList<string> values) => values.Count == 0 ? null : [.. values];
}
