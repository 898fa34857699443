namespace Penchant.Signals;

/// <summary>A deferred decision was shown after all (<see cref="Deciding.IDecider.ActivateAsync"/>): it now waits for its reward.</summary>
/// <param name="DecisionId">The decision.</param>
/// <param name="At">When; the engine's clock when <see langword="null"/>.</param>
public sealed record Activation(string DecisionId, DateTimeOffset? At = null) : Signal;
