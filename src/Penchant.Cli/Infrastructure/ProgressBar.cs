namespace Penchant.Cli.Infrastructure;

/// <summary>A one-line progress bar on standard error, drawn only when standard error is a terminal.</summary>
internal sealed class ProgressBar : IProgress<int>, IDisposable
{
    private const int Width = 30;
    private readonly TextWriter _error;
    private readonly int _total;
    private readonly string _label;
    private readonly Lock _lock = new();
    private int _drawn = -1;

    private ProgressBar(TextWriter error, int total, string label)
    {
        _error = error;
        _total = total;
        _label = label;
    }

    /// <summary>Creates a bar, or returns <see langword="null"/> when standard error is redirected.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="total">The number of steps.</param>
    /// <param name="label">What is being counted.</param>
    /// <returns>The bar, or <see langword="null"/>.</returns>
    public static ProgressBar? Create(CliEnvironment environment, int total, string label) =>
        environment.ErrorIsTerminal && total > 0 ? new ProgressBar(environment.Error, total, label) : null;

    /// <inheritdoc/>
    public void Report(int value)
    {
        lock (_lock)
        {
            int filled = (int)((long)value * Width / _total);
            if (value == _drawn || value < _drawn)
            {
                return;
            }

            _drawn = value;
            _error.Write($"\r{_label} [{new string('#', filled)}{new string('.', Width - filled)}] {value}/{_total}");
            _error.Flush();
        }
    }

    /// <summary>Erases the bar.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_drawn >= 0)
            {
                _error.Write('\r' + new string(' ', _label.Length + Width + 24) + '\r');
                _error.Flush();
            }
        }
    }
}
