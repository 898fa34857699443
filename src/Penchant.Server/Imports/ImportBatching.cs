namespace Penchant.Server.Imports;

/// <summary>
/// How an import cuts its batches (from <see cref="ImportOptions"/> when the upload was accepted), saved with its state so
/// that a resumed import cuts the same batches, with the same keys, whatever the options are by then.
/// </summary>
/// <param name="Size">The most lines of one user in a batch.</param>
/// <param name="Window">The most consecutive lines a batch is gathered from.</param>
/// <param name="WindowBytes">The most bytes of consecutive lines a batch is gathered from.</param>
internal sealed record ImportBatching(int Size, int Window, long WindowBytes)
{
    /// <summary>One line per write: how an import saved without batching (by an earlier version) resumes.</summary>
    public static readonly ImportBatching PerLine = new(1, 1, long.MaxValue);

    /// <summary>The batching the options ask for.</summary>
    public static ImportBatching From(ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ImportBatching(options.BatchSize, options.BatchWindow, options.BatchWindowBytes);
    }
}
