using Penchant.Signals;

namespace Penchant.Learning.Statements;

/// <summary>
/// Learns preferences from what users say: a remembered statement is one preference; a user's conversation turn yields
/// the preferences the extractor finds in it, plus the option they picked when the assistant had just listed some.
/// </summary>
internal sealed class StatementLearner(IPreferenceExtractor extractor, PreferenceIntake intake) : ILearner
{
    public bool Reads(EventKind kind) => kind == EventKind.Statement || kind == EventKind.Turn;

    public async ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
    {
        Conversation conversation = context.PassState<Conversation>();
        IReadOnlyList<ExtractedPreference> extracted;
        if (entry.Kind == EventKind.Statement)
        {
            extracted = [await extractor.FromStatementAsync(entry.Text!, entry.Scope, cancellationToken).ConfigureAwait(false)];
        }
        else
        {
            string? previousAssistant = conversation.LastAssistant;
            bool fromUser = string.Equals(entry.Role, ConversationTurn.UserRole, StringComparison.Ordinal);
            conversation.LastAssistant = string.Equals(entry.Role, ConversationTurn.AssistantRole, StringComparison.Ordinal) ? entry.Text : null;
            extracted = fromUser ? await FromUserTurnAsync(entry.Text!, previousAssistant, cancellationToken).ConfigureAwait(false) : [];
        }

        for (int k = 0; k < extracted.Count; k++)
        {
            await intake.TakeAsync(context.Preferences, extracted[k], entry, k, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<ExtractedPreference>> FromUserTurnAsync(string text, string? previousAssistant, CancellationToken cancellationToken)
    {
        IReadOnlyList<ExtractedPreference> stated = await extractor.FromTurnAsync(text, cancellationToken).ConfigureAwait(false);
        return previousAssistant is not null && ChoiceAnalyzer.Analyze(previousAssistant, text) is { } chosen ? [chosen, .. stated] : stated;
    }

    /// <summary>What a pass remembers of the conversation: the assistant turn just before the entry being learned from.</summary>
    private sealed class Conversation
    {
        public string? LastAssistant { get; set; }
    }
}
