namespace Penchant.Storage;

/// <summary>Learned model parameters kept by a store: a tenant's population model or one user's small part of it.</summary>
/// <param name="Name">The model name, for example <c>ranking</c>.</param>
/// <param name="Version">The version, 1 for the first save and one more for every later save.</param>
/// <param name="Payload">The serialized parameters; the store treats them as opaque bytes.</param>
/// <remarks>The payload may encode statistics of users' signals but never their text.</remarks>
public sealed record StoredModel(string Name, long Version, ReadOnlyMemory<byte> Payload);
