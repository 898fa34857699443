namespace Penchant.Server.Writes;

/// <summary>Why a JSON request body cannot be read, in words a person understands, free of user content and .NET type names.</summary>
/// <param name="Code">The error code (one of <see cref="ApiProblems"/>' JSON codes).</param>
/// <param name="Title">The problem title.</param>
/// <param name="Detail">The explanation.</param>
/// <param name="Path">The JSON path of the offending value (<c>$.turns[2].role</c>), or <see langword="null"/> when unknown.</param>
public sealed record JsonBodyError(string Code, string Title, string Detail, string? Path);
