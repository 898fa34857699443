using System.ComponentModel.DataAnnotations;

namespace Penchant.Server.Imports;

/// <summary>How bulk imports run (configuration section <c>Penchant:Imports</c>).</summary>
public sealed class ImportOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string Section = "Penchant:Imports";

    /// <summary>
    /// Gets or sets the folder uploads and their progress are kept in until the import completes (and a while after, for
    /// <c>GET /v1/imports/{id}</c>). An import whose folder survives a restart resumes where its last checkpoint was.
    /// </summary>
    /// <value>The default is an <c>imports</c> folder beside the SQLite database, or under the local application data folder with PostgreSQL.</value>
    public string? Directory { get; set; }

    /// <summary>Gets or sets the largest upload accepted, in bytes.</summary>
    /// <value>The default is 1 GiB.</value>
    [Range(1_024, 64L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// Gets or sets how many users are written at once (the writes of one user are always made in order, one at a time).
    /// More writes at once let the embedding model encode more texts per call, which costs less per text.
    /// </summary>
    /// <value>The default is 32.</value>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 32;

    /// <summary>Gets or sets how often progress is saved (a resumed import starts again from the last save; lines after it are skipped as already imported).</summary>
    /// <value>The default is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the most lines of one user written as one engine write (one transaction, one learning pass). A user's
    /// lines are gathered within a window of <see cref="BatchWindow"/> lines (or <see cref="BatchWindowBytes"/> bytes).
    /// An import keeps the values it was accepted with, so a resumed import cuts the same batches.
    /// </summary>
    /// <value>The default is 100.</value>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Gets or sets how many consecutive lines a user's batches are gathered from.</summary>
    /// <value>The default is 20,000.</value>
    [Range(1, 1_000_000)]
    public int BatchWindow { get; set; } = 20_000;

    /// <summary>Gets or sets the most bytes of consecutive lines a user's batches are gathered from (the window closes at whichever comes first).</summary>
    /// <value>The default is 32 MiB.</value>
    [Range(1_024, 1024L * 1024 * 1024)]
    public long BatchWindowBytes { get; set; } = 32L * 1024 * 1024;
}
