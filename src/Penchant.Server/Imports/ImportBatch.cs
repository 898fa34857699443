using System.Security.Cryptography;
using System.Text;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Server.Imports;

/// <summary>
/// Consecutive lines of one user in an import, written as one engine write (one transaction, one learning pass) under one
/// idempotency key derived from the lines' own keys. The batches are cut from the upload alone (see
/// <see cref="ImportWorker"/>), so a resumed import or the same file uploaded again rebuilds the same batch with the same
/// key, which the engine answers as a replay: a batch is stored whole or not at all, and never twice.
/// </summary>
/// <param name="User">The user.</param>
/// <param name="Lines">The lines, in file order (at least one).</param>
internal sealed record ImportBatch(UserKey User, IReadOnlyList<ImportLine> Lines)
{
    /// <summary>Gets the signals of every line, in order.</summary>
    public IReadOnlyList<Signal> Signals { get; } = [.. Lines.SelectMany(static l => l.Signals)];

    /// <summary>
    /// Gets the batch's idempotency key: a lone line's own key (so it is written as it would be on its own), else
    /// <c>import-batch-</c> + SHA-256 of the user and the lines' keys (each line's key covers its number and bytes, or is
    /// the line's own <c>key</c>).
    /// </summary>
    public string Key { get; } = Lines.Count == 1 ? Lines[0].Key : BatchKey(User, Lines);

    private static string BatchKey(UserKey user, IReadOnlyList<ImportLine> lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(user.UserId + "\n"));
        foreach (ImportLine line in lines)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line.Key + "\n"));
        }

        return "import-batch-" + Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 20));
    }
}
