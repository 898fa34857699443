using Microsoft.Extensions.AI;
using Penchant.Domain;
using Penchant.Learning.Statements;
using Penchant.Signals;
using Penchant.Signals.Codecs;

namespace Penchant.Learning.Edits;

/// <summary>
/// Applies a <see cref="PreferenceEdit"/>: the edited preference is superseded by a new version with the new text (embedded
/// and hinted again), scope or strength, which keeps the old version's sources plus the edit. An edit of a preference that
/// is unknown or no longer current is refused when recorded (<see cref="NotFoundException"/>) and skipped on a replay.
/// </summary>
internal sealed class PreferenceEditLearner(IEmbeddingGenerator<string, Embedding<float>> embeddings, IApplicabilityHinter hinter) : ILearner
{
    /// <inheritdoc/>
    public bool Reads(EventKind kind) => kind == PreferenceEditCodec.EditKind;

    /// <inheritdoc/>
    public async ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
    {
        PreferenceEdit edit = context.Decode<PreferenceEdit>(entry) ?? throw new InvalidOperationException("The entry is not a preference edit.");
        Preference? old = context.Preferences.Find(edit.PreferenceId);
        if (old is not { IsCurrent: true })
        {
            if (context.IsReplay)
            {
                return;
            }

            throw new NotFoundException("The user has no current preference with this id.");
        }

        string text = edit.Text ?? old.Text;
        PreferenceScope scope = edit.Scope switch
        {
            null => old.Scope,
            "" => PreferenceScope.Everywhere,
            _ => old.Scope with { Text = edit.Scope },
        };
        string id = "pf_" + entry.Id[(entry.Id.IndexOf('_', StringComparison.Ordinal) + 1)..];
        Preference updated = old with
        {
            Id = id,
            Text = text,
            Scope = scope,
            Strength = edit.Strength ?? old.Strength,
            Sources = [.. old.Sources, entry.Id],
            CreatedAt = entry.At,
            UpdatedAt = entry.At,
            SupersededBy = null,
        };
        if (!string.Equals(text, old.Text, StringComparison.Ordinal))
        {
            GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false);
            var extracted = new ExtractedPreference { Text = text, Kind = old.Kind, Polarity = old.Polarity, Strength = updated.Strength, Scope = scope, Confidence = old.Confidence };
            updated = updated with { Embedding = vectors[0].Vector, Hints = await hinter.HintAsync(extracted, cancellationToken).ConfigureAwait(false) };
        }

        context.Preferences.Supersede(old with { SupersededBy = id, UpdatedAt = entry.At });
        context.Preferences.Add(updated);
    }
}
