using System.Text;
using Penchant.Domain;

namespace Penchant.Selecting;

/// <summary>Renders selected preferences as a prompt block within a token budget (about four characters per token).</summary>
internal static class PromptRenderer
{
    public const string Header = "The user's preferences that apply to this request (follow them unless the request says otherwise):";

    public static string Render(IReadOnlyList<SelectedPreference> selected, int tokenBudget) => Render(selected, [], tokenBudget);

    public static string Render(IReadOnlyList<SelectedPreference> selected, IReadOnlyList<StylePreference> styles, int tokenBudget)
    {
        if (selected.Count == 0 && styles.Count == 0)
        {
            return string.Empty;
        }

        int budget = tokenBudget * 4;
        var block = new StringBuilder(Header);
        int added = 0;
        foreach (SelectedPreference item in selected)
        {
            string line = item.Preference.Scope.Text is { } scope && !item.Preference.Text.Contains(scope, StringComparison.OrdinalIgnoreCase)
                ? $"\n- {item.Preference.Text} (applies to: {scope})"
                : $"\n- {item.Preference.Text}";
            if (block.Length + line.Length > budget)
            {
                break;
            }

            block.Append(line);
            added++;
        }

        foreach (StylePreference style in styles)
        {
            string line = $"\n- {style.Text} (learned from the user's edits)";
            if (block.Length + line.Length > budget)
            {
                break;
            }

            block.Append(line);
            added++;
        }

        return added == 0 ? string.Empty : block.ToString();
    }
}
