using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Penchant.Signals;

/// <summary>
/// The kind of an entry in a user's event log: a short lowercase name ("statement", "comparison"). The family is open: a
/// new signal registers its own kind with its codec (see <see cref="SignalCodec{TSignal}"/>).
/// </summary>
/// <remarks>
/// The built-in kinds also carry the small integer code older stores and exports used; a kind added later has none and
/// is stored by name.
/// </remarks>
[JsonConverter(typeof(EventKindJsonConverter))]
public readonly struct EventKind : IEquatable<EventKind>
{
    private const int MaxNameLength = 64;

    private static readonly EventKind[] BuiltIn =
    [
        new("statement", 0), new("turn", 1), new("retraction", 2), new("comparison", 3), new("rating", 4), new("choice", 5), new("reaction", 6),
    ];

    private readonly string? _name;

    private EventKind(string name, int? code)
    {
        _name = name;
        Code = code;
    }

    /// <summary>Gets a statement the user made (<see cref="Signals.Statement"/>).</summary>
    public static EventKind Statement => BuiltIn[0];

    /// <summary>Gets a conversation turn (<see cref="ConversationTurn"/>).</summary>
    public static EventKind Turn => BuiltIn[1];

    /// <summary>Gets a retraction: the user asked to forget a preference; <see cref="PreferenceEvent.Target"/> names it.</summary>
    public static EventKind Retraction => BuiltIn[2];

    /// <summary>Gets a comparison of two responses (<see cref="Signals.Comparison"/>); <see cref="PreferenceEvent.Data"/> holds it.</summary>
    public static EventKind Comparison => BuiltIn[3];

    /// <summary>Gets a rating of one response (<see cref="Signals.Rating"/>); <see cref="PreferenceEvent.Data"/> holds it.</summary>
    public static EventKind Rating => BuiltIn[4];

    /// <summary>Gets a choice among shown candidates (<see cref="Signals.Choice"/>); <see cref="PreferenceEvent.Data"/> holds it.</summary>
    public static EventKind Choice => BuiltIn[5];

    /// <summary>Gets the user's reaction to an answer (<see cref="Signals.Reaction"/>); <see cref="PreferenceEvent.Data"/> holds its label, reason and the preferences applied.</summary>
    public static EventKind Reaction => BuiltIn[6];

    /// <summary>Gets the kind's name: lowercase ASCII letters, digits, '-' and '_'.</summary>
    public string Name => _name ?? "statement";

    /// <summary>Gets the integer code of a built-in kind, as older stores wrote it; <see langword="null"/> for a kind added later.</summary>
    public int? Code { get; }

    /// <summary>Gets the kind with a name: a built-in one, or a new one a signal codec declares.</summary>
    /// <param name="name">The name: 1 to 64 lowercase ASCII letters, digits, '-' or '_'.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentException">The name is empty, too long or has other characters.</exception>
    public static EventKind FromName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (EventKind kind in BuiltIn)
        {
            if (string.Equals(kind.Name, name, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        if (!IsValidName(name))
        {
            throw new ArgumentException($"An event kind is 1 to {MaxNameLength} lowercase ASCII letters, digits, '-' or '_'; '{name}' is not.", nameof(name));
        }

        return new EventKind(name, null);
    }

    /// <summary>Gets a built-in kind from the integer code older stores wrote.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No built-in kind has that code.</exception>
    public static EventKind FromCode(int code)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(code);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(code, BuiltIn.Length);
        return BuiltIn[code];
    }

    /// <summary>Gets the kind with a name, if the name is valid.</summary>
    /// <param name="name">The name.</param>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> if the name is valid.</returns>
    public static bool TryFromName([NotNullWhen(true)] string? name, out EventKind kind)
    {
        if (name is null || (!IsValidName(name)))
        {
            kind = default;
            return false;
        }

        kind = FromName(name);
        return true;
    }

    /// <summary>Gets a value indicating whether two kinds are the same.</summary>
    /// <param name="left">A kind.</param>
    /// <param name="right">Another kind.</param>
    /// <returns><see langword="true"/> if they have the same name.</returns>
    public static bool operator ==(EventKind left, EventKind right) => left.Equals(right);

    /// <summary>Gets a value indicating whether two kinds differ.</summary>
    /// <param name="left">A kind.</param>
    /// <param name="right">Another kind.</param>
    /// <returns><see langword="true"/> if their names differ.</returns>
    public static bool operator !=(EventKind left, EventKind right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(EventKind other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EventKind other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static bool IsValidName(string name)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
