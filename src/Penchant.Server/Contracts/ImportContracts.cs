namespace Penchant.Server.Contracts;

/// <summary>Where a bulk import stands (<c>GET /v1/imports/{importId}</c>).</summary>
/// <param name="Id">The import's identifier.</param>
/// <param name="Status"><c>queued</c>, <c>running</c>, <c>completed</c> or <c>failed</c> (the upload could not be read).</param>
/// <param name="TotalLines">The lines in the upload.</param>
/// <param name="LinesRead">The lines handled so far (written, skipped or failed; blank lines included).</param>
/// <param name="Written">The lines written to a user's log.</param>
/// <param name="Skipped">The lines already imported before (by this import before an interruption, or an earlier upload): their idempotency key was used for the same signal, so nothing was written again.</param>
/// <param name="Failed">The lines rejected; the first ones are listed in <paramref name="Failures"/>.</param>
/// <param name="Failures">The first rejected lines (at most 1,000), each with its number and the reason.</param>
/// <param name="CreatedAt">When the upload was accepted.</param>
/// <param name="CompletedAt">When the last line was handled; absent until then.</param>
public sealed record ImportResponse(
    string Id,
    string Status,
    long TotalLines,
    long LinesRead,
    long Written,
    long Skipped,
    long Failed,
    IReadOnlyList<ImportFailureContract> Failures,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);

/// <summary>A line of an import that was rejected.</summary>
/// <param name="Line">The line number, from 1.</param>
/// <param name="Reason">Why it was rejected (no user content).</param>
public sealed record ImportFailureContract(long Line, string Reason);
