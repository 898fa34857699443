using Penchant.Explaining;
using Penchant.Learning.Statements;
using Penchant.Signals;
using Penchant.Signals.Codecs;

namespace Penchant.Learning.Principles;

/// <summary>
/// Learns from a <see cref="PrincipleVerdict"/> that corrects a principle: the user's own wording becomes a stated
/// preference, taken in like a remembered statement, with the verdict as its source. Confirming and deleting change no
/// derived state: explaining reads those verdicts back from the log (<see cref="PrincipleQuery"/>). A verdict on a principle
/// the user's judgements do not propose is refused when recorded (<see cref="NotFoundException"/>).
/// </summary>
internal sealed class PrincipleVerdictLearner(IPreferenceExtractor extractor, PreferenceIntake intake, PrincipleQuery principles) : ILearner
{
    /// <inheritdoc/>
    public bool Reads(EventKind kind) => kind == PrincipleVerdictCodec.VerdictKind;

    /// <inheritdoc/>
    public async ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
    {
        PrincipleVerdict verdict = context.Decode<PrincipleVerdict>(entry) ?? throw new InvalidOperationException("The entry is not a principle verdict.");
        if (!context.IsReplay && !await principles.ProposesAsync(context.User, verdict.PrincipleId, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("The user's judgements propose no principle with this id.");
        }

        if (verdict is { Verdict: PrincipleVerdictKind.Correct, Correction: { } correction })
        {
            ExtractedPreference stated = await extractor.FromStatementAsync(correction, null, cancellationToken).ConfigureAwait(false);
            await intake.TakeAsync(context.Preferences, stated, entry, 0, cancellationToken).ConfigureAwait(false);
        }
    }
}
