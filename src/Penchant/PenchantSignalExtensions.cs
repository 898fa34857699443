using System.Runtime.CompilerServices;
using Penchant.Domain;
using Penchant.Learning.Feedback;
using Penchant.Signals;

namespace Penchant;

/// <summary>Typed shortcuts for recording the built-in signals through <see cref="IPenchant.RecordAsync"/>.</summary>
public static class PenchantSignalExtensions
{
    /// <summary>Remembers a statement the user made as one preference (or reinforces an existing one, or supersedes an older one it revises).</summary>
    /// <param name="penchant">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="statement">The statement.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="ArgumentException">The statement is empty, whitespace or longer than <see cref="PenchantOptions.MaxTextLength"/>.</exception>
    public static Task<WriteResult> RememberAsync(this IPenchant penchant, UserKey user, Statement statement, CancellationToken cancellationToken = default)
        => RecordOneAsync(penchant, user, statement, cancellationToken);

    /// <summary>Observes conversation turns and keeps the preferences the user's turns state; ordinary questions, chit-chat and code yield nothing.</summary>
    /// <param name="penchant">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="turns">The turns, oldest first.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="ArgumentException">A turn is empty or too long.</exception>
    public static Task<WriteResult> ObserveAsync(this IPenchant penchant, UserKey user, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(penchant);
        ArgumentNullException.ThrowIfNull(turns);
        foreach (ConversationTurn turn in turns)
        {
            ArgumentNullException.ThrowIfNull(turn, nameof(turns));
        }

        return penchant.RecordAsync(user, [.. turns], null, cancellationToken);
    }

    /// <summary>
    /// Records how the user took an answer, read from their next message: satisfaction raises and dissatisfaction lowers the
    /// acceptance of the preferences applied to the answer (selection weighs it), and a correction that states a wish
    /// ("shorter, and no emojis") becomes a preference scoped to the kind of request it reacted to.
    /// </summary>
    /// <param name="penchant">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="reaction">The next message, what it reacted to, and optionally a classification made elsewhere.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The classification and what changed.</returns>
    /// <exception cref="ArgumentException">The message or request is empty or too long.</exception>
    public static async Task<ReactionOutcome> ReactAsync(this IPenchant penchant, UserKey user, Reaction reaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(penchant);
        ArgumentNullException.ThrowIfNull(reaction);
        WriteResult written = await penchant.RecordAsync(user, [reaction], null, cancellationToken).ConfigureAwait(false);
        return ReactionOutcome.From(reaction, written);
    }

    /// <summary>Records that the user compared two responses in a context, and updates the user's personal ranking part online.</summary>
    /// <param name="penchant">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="comparison">The comparison.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed (the appended event).</returns>
    /// <exception cref="ArgumentException">A text is empty or too long.</exception>
    public static Task<WriteResult> CompareAsync(this IPenchant penchant, UserKey user, Comparison comparison, CancellationToken cancellationToken = default)
        => RecordOneAsync(penchant, user, comparison, cancellationToken);

    /// <summary>Records that the user rated a response on a declared scale.</summary>
    /// <param name="penchant">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="rating">The rating.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed (the appended event).</returns>
    /// <exception cref="ArgumentException">A text is empty or too long, the scale is empty, or the score is outside it.</exception>
    public static Task<WriteResult> RateAsync(this IPenchant penchant, UserKey user, Rating rating, CancellationToken cancellationToken = default)
        => RecordOneAsync(penchant, user, rating, cancellationToken);

    /// <summary>Records that the user chose one of the candidates shown (a click), and updates the user's personal ranking part online.</summary>
    /// <param name="penchant">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="choice">The choice.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed (the appended event).</returns>
    /// <exception cref="ArgumentException">Fewer than two candidates, a text is empty or too long, or the chosen index is outside the candidates.</exception>
    public static Task<WriteResult> ChooseAsync(this IPenchant penchant, UserKey user, Choice choice, CancellationToken cancellationToken = default)
        => RecordOneAsync(penchant, user, choice, cancellationToken);

    /// <summary>
    /// Records that the user edited an output before using it: the measured difference (shorter, bullet points, no emoji, a
    /// greeting, …) is kept with the context it happened in, and later requests in similar contexts get the styles it shows
    /// (<see cref="Selection.Styles"/>, and factors in ranking).
    /// </summary>
    /// <param name="penchant">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="edit">The context, the output and the user's edit of it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="ArgumentException">A text is empty or too long.</exception>
    public static Task<WriteResult> EditAsync(this IPenchant penchant, UserKey user, Edit edit, CancellationToken cancellationToken = default)
        => RecordOneAsync(penchant, user, edit, cancellationToken);

    /// <summary>Edits one of the user's current preferences (text, scope, strength): recorded as a signal, so the edited preference is superseded by a new version and the history shows the change.</summary>
    /// <param name="penchant">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="edit">The edit.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed: the new version created, the edited one superseded.</returns>
    /// <exception cref="NotFoundException">The user has no current preference with the id.</exception>
    public static Task<WriteResult> EditPreferenceAsync(this IPenchant penchant, UserKey user, PreferenceEdit edit, CancellationToken cancellationToken = default)
        => RecordOneAsync(penchant, user, edit, cancellationToken);

    /// <summary>Records a user's verdict on a principle (confirm, correct or delete): explaining reads it back, and a correction becomes a stated preference.</summary>
    /// <param name="penchant">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed: for a correction, the preference created.</returns>
    public static Task<WriteResult> JudgePrincipleAsync(this IPenchant penchant, UserKey user, PrincipleVerdict verdict, CancellationToken cancellationToken = default)
        => RecordOneAsync(penchant, user, verdict, cancellationToken);

    // The one write behind every single-signal helper: checks its arguments under the caller's names, records the signal.
    private static Task<WriteResult> RecordOneAsync(
        IPenchant penchant,
        UserKey user,
        Signal signal,
        CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(penchant))] string? penchantName = null,
        [CallerArgumentExpression(nameof(signal))] string? signalName = null)
    {
        ArgumentNullException.ThrowIfNull(penchant, penchantName);
        ArgumentNullException.ThrowIfNull(signal, signalName);
        return penchant.RecordAsync(user, [signal], null, cancellationToken);
    }
}
