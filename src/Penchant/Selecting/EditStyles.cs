using System.Runtime.CompilerServices;
using Penchant.Domain;
using Penchant.Learning.Edits;
using Penchant.Storage;

namespace Penchant.Selecting;

/// <summary>
/// Reads a user's edit memory for the queries (selection lists the inferred styles, ranking weighs candidates by them),
/// cached with the state it was read for (a write or a rebuild makes a new state).
/// </summary>
/// <remarks>
/// Thread-safe. Reads state, never writes it. The memory is tied to the state object itself, not to the user's key: it lives exactly as long as the state does, so a
/// forgotten user's (or an outdated state's) memory goes with the state rather than staying in a cache of the process.
/// </remarks>
internal sealed class EditStyles(UserStateCache states)
{
    private readonly ConditionalWeakTable<UserState, EditMemory> _cache = [];

    /// <summary>Gets the user's edit memory as of a snapshot; <see langword="null"/> when the user has made no edit.</summary>
    public async Task<EditMemory?> MemoryAsync(UserKey user, UserState state, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(state, out EditMemory? cached))
        {
            return cached.Items.Count == 0 ? null : cached;
        }

        StoredModel? stored = await states.Store.GetUserModelAsync(user, EditMemory.ModelName, cancellationToken).ConfigureAwait(false);
        EditMemory memory = stored is null ? new EditMemory() : EditMemory.FromBytes(stored.Payload.Span);
        _cache.AddOrUpdate(state, memory);
        return memory.Items.Count == 0 ? null : memory;
    }

    /// <summary>Infers the style preferences of a user for an embedded request.</summary>
    public async Task<IReadOnlyList<StylePreference>> InferAsync(UserKey user, UserState state, ReadOnlyMemory<float> request, CancellationToken cancellationToken)
        => await MemoryAsync(user, state, cancellationToken).ConfigureAwait(false) is { } memory ? memory.Infer(request.Span) : [];
}
