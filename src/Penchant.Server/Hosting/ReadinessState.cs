namespace Penchant.Server.Hosting;

/// <summary>Whether the service finished starting (thread-safe).</summary>
internal sealed class ReadinessState
{
    private volatile bool _ready;
    private volatile Exception? _failure;

    /// <summary>Gets a value indicating whether the store is initialized and the model loaded.</summary>
    public bool IsReady => _ready;

    /// <summary>Gets what made start-up fail, if it did.</summary>
    public Exception? Failure => _failure;

    /// <summary>Marks the service ready.</summary>
    public void SetReady() => _ready = true;

    /// <summary>Records a start-up failure.</summary>
    /// <param name="failure">The failure.</param>
    public void SetFailed(Exception failure) => _failure = failure;
}
