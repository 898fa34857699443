namespace Penchant.Storage;

/// <summary>
/// Where a user's event log stands: the sequence and identifier of its last event. Two reads that return the same position
/// saw the same log (the identifier tells a log that was deleted and written again apart from the one before).
/// </summary>
/// <param name="Version">The sequence of the last event; 0 for a user with no events.</param>
/// <param name="LastEventId">The identifier of the last event, or <see langword="null"/> for a user with no events.</param>
public readonly record struct LogPosition(long Version, string? LastEventId);
