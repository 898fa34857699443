using Penchant.Storage;

namespace Penchant.Learning;

/// <summary>A user's parts of learned models during one pass of the learners, by model name.</summary>
/// <remarks>Not thread-safe. What is set is committed with the pass's entries, atomically.</remarks>
public sealed class UserModels
{
    private readonly Dictionary<string, ReadOnlyMemory<byte>?> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _changed = new(StringComparer.Ordinal);
    private readonly Func<string, CancellationToken, Task<StoredModel?>>? _load;

    /// <summary>Initializes a new instance of the <see cref="UserModels"/> class.</summary>
    /// <param name="load">Reads a stored part on first use; <see langword="null"/> in a replay, which starts with none.</param>
    internal UserModels(Func<string, CancellationToken, Task<StoredModel?>>? load) => _load = load;

    /// <summary>Gets the models set in this pass.</summary>
    internal IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Changed => _changed;

    /// <summary>Gets the user's part of a model: as this pass left it, else as stored (a replay starts with none).</summary>
    /// <param name="name">The model name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The serialized part, or <see langword="null"/> when the user has none.</returns>
    public async ValueTask<ReadOnlyMemory<byte>?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_models.TryGetValue(name, out ReadOnlyMemory<byte>? payload))
        {
            StoredModel? stored = _load is null ? null : await _load(name, cancellationToken).ConfigureAwait(false);
            payload = stored?.Payload;
            _models[name] = payload;
        }

        return payload;
    }

    /// <summary>Sets the user's part of a model.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="payload">The serialized part.</param>
    public void Set(string name, ReadOnlyMemory<byte> payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _models[name] = payload;
        _changed[name] = payload;
    }
}
