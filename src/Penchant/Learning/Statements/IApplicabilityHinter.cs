using Penchant.Domain;

namespace Penchant.Learning.Statements;

/// <summary>Attaches applicability hints to a preference when it is written, so that selection can link requests to it by inference.</summary>
/// <remarks>Implementations are thread-safe; the default is <see cref="LexiconHinter"/>. A language-model hinter may replace or extend it; selection never waits on one.</remarks>
public interface IApplicabilityHinter
{
    /// <summary>Computes the hints for a preference.</summary>
    /// <param name="preference">The extracted preference.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The hints.</returns>
    ValueTask<ApplicabilityHints> HintAsync(ExtractedPreference preference, CancellationToken cancellationToken = default);
}
