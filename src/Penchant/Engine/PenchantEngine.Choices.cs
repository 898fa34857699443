using Penchant.Learning.Statements;

namespace Penchant.Engine;

/// <summary>Turns: what the extractor finds in a user's turn, plus a preference revealed by a choice among options the assistant listed.</summary>
public sealed partial class PenchantEngine
{
    private async Task<IReadOnlyList<ExtractedPreference>> FromUserTurnAsync(string text, string? previousAssistant, CancellationToken cancellationToken)
    {
        IReadOnlyList<ExtractedPreference> stated = await _extractor.FromTurnAsync(text, cancellationToken).ConfigureAwait(false);
        if (previousAssistant is null || ChoiceAnalyzer.Analyze(previousAssistant, text) is not { } chosen)
        {
            return stated;
        }

        return [chosen, .. stated];
    }
}
