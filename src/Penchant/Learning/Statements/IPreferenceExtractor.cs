namespace Penchant.Learning.Statements;

/// <summary>Finds the preferences stated in what a user said.</summary>
/// <remarks>Implementations are thread-safe. The default is <see cref="RuleBasedExtractor"/>; a language-model extractor may replace it.</remarks>
public interface IPreferenceExtractor
{
    /// <summary>Turns a statement the user explicitly asked to be remembered into a preference.</summary>
    /// <param name="text">The statement.</param>
    /// <param name="scope">A scope the application supplied, if any.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The preference.</returns>
    ValueTask<ExtractedPreference> FromStatementAsync(string text, string? scope, CancellationToken cancellationToken = default);

    /// <summary>Finds the preferences a conversation turn by the user states; ordinary requests, chit-chat and code yield none.</summary>
    /// <param name="text">The user's turn.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The preferences, usually none.</returns>
    ValueTask<IReadOnlyList<ExtractedPreference>> FromTurnAsync(string text, CancellationToken cancellationToken = default);
}
