using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Signals.Codecs;

namespace Penchant.Learning.Scopes;

/// <summary>
/// Applies a <see cref="ScopeNarrowing"/>: the preference is superseded by a new version whose scope carries the excluded
/// situation ("my friends" from "not for my friends") beside its earlier exclusions, and which keeps the old version's
/// sources plus the narrowing. A narrowing of a preference that is unknown or no longer current is refused when recorded
/// (<see cref="NotFoundException"/>) and skipped on a replay.
/// </summary>
internal sealed partial class ScopeNarrowingLearner : ILearner
{
    /// <inheritdoc/>
    public bool Reads(EventKind kind) => kind == ScopeNarrowingCodec.NarrowingKind;

    /// <inheritdoc/>
    public ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
    {
        ScopeNarrowing narrowing = context.Decode<ScopeNarrowing>(entry) ?? throw new InvalidOperationException("The entry is not a scope narrowing.");
        Preference? old = context.Preferences.Find(narrowing.PreferenceId);
        if (old is not { IsCurrent: true })
        {
            if (context.IsReplay)
            {
                return ValueTask.CompletedTask;
            }

            throw new NotFoundException("The user has no current preference with this id.");
        }

        string exclusion = Situation(narrowing.NotFor);
        string id = "pf_" + entry.Id[(entry.Id.IndexOf('_', StringComparison.Ordinal) + 1)..];
        IReadOnlyList<string> exclusions = old.Scope.Exclusions.Contains(exclusion, StringComparer.OrdinalIgnoreCase)
            ? old.Scope.Exclusions
            : [.. old.Scope.Exclusions, exclusion];
        Preference updated = old with
        {
            Id = id,
            Scope = old.Scope with { Exclusions = exclusions },
            Sources = [.. old.Sources, entry.Id],
            CreatedAt = entry.At,
            UpdatedAt = entry.At,
            SupersededBy = null,
        };

        context.Preferences.Supersede(old with { SupersededBy = id, UpdatedAt = entry.At });
        context.Preferences.Add(updated);
        return ValueTask.CompletedTask;
    }

    /// <summary>The situation a "not for …" names, without the negation and the preposition that introduce it.</summary>
    internal static string Situation(string notFor)
    {
        string situation = NotForPattern().Replace(notFor.Trim(), string.Empty).Trim().TrimEnd('.', '!', ';', ',');
        return situation.Length == 0 ? notFor.Trim() : situation;
    }

    // Closed-class words only: a leading "not", "but not", "never", "except" and the preposition or conjunction after it.
    [GeneratedRegex(@"^(?:(?:but|and|just|only)\s+)?(?:not|never|except|don't apply|do not apply)\b(?:\s+(?:for|when|with|to|in|on|at|during|if|about|while))?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotForPattern();
}
