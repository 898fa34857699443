using Penchant.Domain;
using Penchant.Learning.Principles;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Explaining;

/// <summary>
/// The explain query: reads a user's judgements from the event log (comparisons, choices, and edits that changed the
/// output: the edit is preferred to the output) and distils them into principles with <see cref="PrincipleMiner"/>.
/// </summary>
/// <remarks>Thread-safe. Reads the log, never writes it.</remarks>
internal sealed class PrincipleQuery(UserStateCache states, SignalCodecs codecs)
{
    /// <summary>Explains what was learned about a user.</summary>
    public async Task<IReadOnlyList<Principle>> ExplainAsync(UserKey user, CancellationToken cancellationToken)
    {
        await states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var pairs = new List<JudgedPair>();
        await foreach (PreferenceEvent entry in states.Store.ReadEventsAsync(user, 0, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Redacted || entry.Text is null)
            {
                continue;
            }

            switch (codecs.Decode<Comparison>(entry) as Signal ?? codecs.Decode<Choice>(entry) ?? (Signal?)codecs.Decode<Edit>(entry))
            {
                case Comparison { Magnitude: not ComparisonMagnitude.Tie } c:
                    pairs.Add(new JudgedPair(entry.Id, c.Preferred, c.Rejected));
                    break;
                case Choice choice:
                    for (int i = 0; i < choice.Candidates.Count; i++)
                    {
                        if (i != choice.Chosen)
                        {
                            pairs.Add(new JudgedPair(entry.Id, choice.Candidates[choice.Chosen], choice.Candidates[i]));
                        }
                    }

                    break;
                case Edit edit when !string.Equals(edit.Output, edit.Edited, StringComparison.Ordinal):
                    pairs.Add(new JudgedPair(entry.Id, edit.Edited, edit.Output));
                    break;
            }
        }

        return PrincipleMiner.Mine(pairs);
    }
}
