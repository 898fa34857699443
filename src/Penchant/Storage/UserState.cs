using Penchant.Domain;

namespace Penchant.Storage;

/// <summary>A consistent snapshot of one user's preferences and the log version they reflect.</summary>
/// <param name="Version">The sequence of the last event in the user's log; 0 for a user with no events.</param>
/// <param name="Preferences">Every preference, current and superseded, in creation order.</param>
public sealed record UserState(long Version, IReadOnlyList<Preference> Preferences)
{
    /// <summary>Gets the state of a user nobody has seen.</summary>
    public static UserState Empty { get; } = new(0, []);
}
