using Penchant.Domain;
using Penchant.Learning.Edits;

namespace Penchant.Cli.Contracts;

/// <summary>Converts the engine's domain types to the JSON shapes the CLI writes.</summary>
internal static class ContractMapper
{
    public static PreferenceContract ToContract(this Preference preference)
    {
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

    public static IReadOnlyList<PreferenceContract> ToContract(this IReadOnlyList<Preference> preferences)
    {
        var result = new PreferenceContract[preferences.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = preferences[i].ToContract();
        }

        return result;
    }

    public static WriteResponse ToContract(this WriteResult result) =>
        new(result.Events, result.Created.ToContract(), result.Reinforced.ToContract(), result.Superseded.ToContract());

    public static SelectionResponse ToContract(this Selection selection)
    {
        var preferences = new SelectedPreferenceContract[selection.Preferences.Count];
        for (int i = 0; i < preferences.Length; i++)
        {
            SelectedPreference selected = selection.Preferences[i];
            preferences[i] = new SelectedPreferenceContract(selected.Preference.ToContract(), selected.Probability, selected.Reasons, selected.Sources);
        }

        StylePreferenceContract[] styles = [.. selection.Styles.Select(static s => new StylePreferenceContract(StyleFeatures.Names[(int)s.Feature], s.Text, s.Level, s.Confidence, s.Sources))];
        return new SelectionResponse(preferences, selection.PromptBlock, styles);
    }
}
