using Penchant.Learning;
using Penchant.Signals;

namespace Penchant.Recommending;

/// <summary>
/// Keeps each user's sequence of chosen items (the chosen candidate of every <see cref="Choice"/>, in log order) as the
/// user's part of the next-item model; <see cref="SequenceQuery"/> reads it to recommend what comes next.
/// </summary>
internal sealed class SequenceLearner : ILearner
{
    public bool Reads(EventKind kind) => kind == EventKind.Choice;

    public async ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
    {
        // An imported entry with a malformed payload carries no choice; it stays in the log untouched.
        if (context.Decode<Choice>(entry) is not { } choice || choice.Chosen < 0 || choice.Chosen >= choice.Candidates.Count)
        {
            return;
        }

        ReadOnlyMemory<byte>? stored = await context.Models.GetAsync(UserSequence.Name, cancellationToken).ConfigureAwait(false);
        UserSequence sequence = stored is { } bytes ? UserSequence.FromBytes(bytes.Span) : UserSequence.Empty();
        sequence.Append(ItemKey.Of(choice.Candidates[choice.Chosen]));
        context.Models.Set(UserSequence.Name, sequence.ToBytes());
    }
}
