using Penchant.Domain;
using Penchant.Learning.Edits;
using Penchant.Learning.Feedback;
using Penchant.Signals;

namespace Penchant.Server.Contracts;

/// <summary>Converts between the engine's domain types and the wire contract shared by the service and the CLI.</summary>
public static class ContractMapper
{
    /// <summary>Converts a preference.</summary>
    /// <param name="preference">The preference.</param>
    /// <returns>The contract.</returns>
    public static PreferenceContract ToContract(this Preference preference)
    {
        ArgumentNullException.ThrowIfNull(preference);
        ScopeContract? scope = preference.Scope.IsScoped || preference.Scope.Exclusions.Count > 0
            ? new ScopeContract(preference.Scope.Text, preference.Scope.Tags) { Exclusions = preference.Scope.Exclusions.Count == 0 ? null : preference.Scope.Exclusions }
            : null;
        return new PreferenceContract(
            preference.Id,
            preference.Text,
            preference.Kind,
            preference.Polarity,
            preference.Strength,
            scope,
            preference.Sources,
            preference.Confidence,
            preference.CreatedAt,
            preference.UpdatedAt,
            preference.SupersededBy,
            preference.IsCurrent,
            preference.Metadata,
            preference.ExpiresAt);
    }

    /// <summary>Converts preferences.</summary>
    /// <param name="preferences">The preferences.</param>
    /// <returns>The contracts, in the same order.</returns>
    public static IReadOnlyList<PreferenceContract> ToContract(this IReadOnlyList<Preference> preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var result = new PreferenceContract[preferences.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = preferences[i].ToContract();
        }

        return result;
    }

    /// <summary>Maps a principle to its contract.</summary>
    /// <param name="principle">The principle.</param>
    /// <returns>The contract.</returns>
    public static PrincipleContract ToContract(this Principle principle)
    {
        ArgumentNullException.ThrowIfNull(principle);
        return new PrincipleContract(principle.Id, principle.Text, principle.Support, principle.Accuracy, principle.Tested, principle.Sources, principle.Status);
    }

    /// <summary>Converts a write result.</summary>
    /// <param name="result">The write result.</param>
    /// <returns>The contract.</returns>
    public static WriteResponse ToContract(this WriteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new WriteResponse(result.Events, result.Created.ToContract(), result.Reinforced.ToContract(), result.Superseded.ToContract());
    }

    /// <summary>Converts a selection.</summary>
    /// <param name="selection">The selection.</param>
    /// <returns>The contract.</returns>
    public static SelectionResponse ToContract(this Selection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var preferences = new SelectedPreferenceContract[selection.Preferences.Count];
        for (int i = 0; i < preferences.Length; i++)
        {
            SelectedPreference selected = selection.Preferences[i];
            preferences[i] = new SelectedPreferenceContract(selected.Preference.ToContract(), selected.Probability, selected.Reasons, selected.Sources);
        }

        var styles = new StylePreferenceContract[selection.Styles.Count];
        for (int i = 0; i < styles.Length; i++)
        {
            StylePreference style = selection.Styles[i];
            styles[i] = new StylePreferenceContract(StyleFeatures.Names[(int)style.Feature], style.Text, style.Level, style.Confidence, style.Sources);
        }

        return new SelectionResponse(preferences, selection.PromptBlock, styles);
    }

    /// <summary>Converts a ranking.</summary>
    /// <param name="ranking">The ranking.</param>
    /// <returns>The contract.</returns>
    public static RankingResponse ToContract(this CandidateRanking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var candidates = new RankedCandidateContract[ranking.Candidates.Count];
        for (int i = 0; i < candidates.Length; i++)
        {
            RankedCandidate candidate = ranking.Candidates[i];
            var factors = new RankingFactorContract[candidate.Factors.Count];
            for (int j = 0; j < factors.Length; j++)
            {
                RankingFactor factor = candidate.Factors[j];
                factors[j] = new RankingFactorContract(factor.Description, factor.Contribution, factor.PreferenceId);
            }

            candidates[i] = new RankedCandidateContract(candidate.Index, candidate.Text, candidate.Score, candidate.Probability, factors);
        }

        return new RankingResponse(candidates, ranking.ModelVersion, ranking.Comparisons);
    }

    /// <summary>Converts a reaction outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The contract.</returns>
    public static ReactionResponse ToContract(this ReactionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ReactionClassification classification = outcome.Classification;
        return new ReactionResponse(classification.Label, classification.Reason, classification.Confidence, classification.Wish, outcome.Write.ToContract());
    }

    /// <summary>Converts a training report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The contract.</returns>
    public static TrainingResponse ToContract(this TrainingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new TrainingResponse(report.Users, report.Comparisons, report.ModelVersion, report.TrainingAccuracy, report.Temperature);
    }

    /// <summary>Converts a conversation turn from the wire, leaving validation of empty text to the engine.</summary>
    /// <param name="turn">The turn.</param>
    /// <returns>The domain turn.</returns>
    /// <exception cref="ArgumentException">The turn has no role.</exception>
    public static ConversationTurn ToDomain(this TurnContract turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrWhiteSpace(turn.Role))
        {
            throw new ArgumentException("Every turn needs a role (user, assistant or system).", nameof(turn));
        }

        return new ConversationTurn(turn.Role, turn.Content ?? string.Empty, turn.At);
    }

    /// <summary>Converts conversation turns from the wire.</summary>
    /// <param name="turns">The turns, or <see langword="null"/>.</param>
    /// <returns>The domain turns; empty for <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">A turn has no role.</exception>
    public static IReadOnlyList<ConversationTurn> ToDomain(this IReadOnlyList<TurnContract>? turns)
    {
        if (turns is null || turns.Count == 0)
        {
            return [];
        }

        var result = new ConversationTurn[turns.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (turns[i] ?? throw new ArgumentException($"Turn {i} is null.", nameof(turns))).ToDomain();
        }

        return result;
    }
}
