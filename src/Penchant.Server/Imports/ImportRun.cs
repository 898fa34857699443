using Penchant.Server.Contracts;

namespace Penchant.Server.Imports;

/// <summary>
/// The live progress of a running import. Lines finish out of order (users are written in parallel), so the outcome of a
/// line past the checkpoint is held apart until every line before it has finished; then it is folded into the counts
/// that are saved. A resumed import starts after the saved checkpoint, and counts nothing twice.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class ImportRun
{
    /// <summary>The most failures listed.</summary>
    public const int MaxFailuresListed = 1_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<long, (Outcome Outcome, string? Reason)> _ahead = [];
    private readonly List<ImportFailureContract> _failures;
    private ImportResponse _committed;
    private long _checkpoint;

    /// <summary>Initializes a new instance of the <see cref="ImportRun"/> class from a saved state.</summary>
    public ImportRun(ImportState state)
    {
        TenantId = state.TenantId;
        Batching = state.Batching ?? ImportBatching.PerLine;
        _committed = state.Progress with { Status = "running" };
        _checkpoint = state.Checkpoint;
        _failures = [.. state.Progress.Failures];
    }

    /// <summary>What became of a line.</summary>
    public enum Outcome
    {
        /// <summary>Written to the user's log.</summary>
        Written,

        /// <summary>Already imported: nothing written again.</summary>
        Skipped,

        /// <summary>Rejected.</summary>
        Failed,

        /// <summary>Blank: nothing to do, counted only as read.</summary>
        Blank,
    }

    /// <summary>Gets the tenant.</summary>
    public string TenantId { get; }

    /// <summary>Gets how the import cuts its batches.</summary>
    public ImportBatching Batching { get; }

    /// <summary>Gets the import's identifier.</summary>
    public string Id => _committed.Id;

    /// <summary>Gets the last line counted in the saved progress.</summary>
    public long Checkpoint
    {
        get
        {
            lock (_lock)
            {
                return _checkpoint;
            }
        }
    }

    /// <summary>Records what became of a line.</summary>
    public void Complete(long line, Outcome outcome, string? reason = null)
    {
        lock (_lock)
        {
            _ahead[line] = (outcome, reason);
            while (_ahead.Remove(_checkpoint + 1, out (Outcome Outcome, string? Reason) done))
            {
                _checkpoint++;
                _committed = Fold(_committed, _checkpoint, done.Outcome, done.Reason, _failures);
            }
        }
    }

    /// <summary>Gets the live progress: the saved counts plus the lines finished past the checkpoint.</summary>
    public ImportResponse Snapshot()
    {
        lock (_lock)
        {
            ImportResponse live = _committed with { Failures = [.. _failures] };
            var failures = new List<ImportFailureContract>(_failures);
            foreach ((long line, (Outcome outcome, string? reason)) in _ahead.OrderBy(static a => a.Key))
            {
                live = Fold(live, line, outcome, reason, failures);
            }

            return live with { Failures = failures };
        }
    }

    /// <summary>Gets the state to save: the counts up to the checkpoint.</summary>
    public ImportState State(string? status = null, DateTimeOffset? completedAt = null)
    {
        lock (_lock)
        {
            return new ImportState(TenantId, _committed with { Status = status ?? _committed.Status, Failures = [.. _failures], CompletedAt = completedAt ?? _committed.CompletedAt }, _checkpoint, Batching);
        }
    }

    private static ImportResponse Fold(ImportResponse progress, long line, Outcome outcome, string? reason, List<ImportFailureContract> failures)
    {
        progress = progress with { LinesRead = progress.LinesRead + 1 };
        switch (outcome)
        {
            case Outcome.Written:
                return progress with { Written = progress.Written + 1 };
            case Outcome.Skipped:
                return progress with { Skipped = progress.Skipped + 1 };
            case Outcome.Failed:
                if (failures.Count < MaxFailuresListed)
                {
                    failures.Add(new ImportFailureContract(line, reason ?? "The line was rejected."));
                }

                return progress with { Failed = progress.Failed + 1 };
            default:
                return progress;
        }
    }
}
