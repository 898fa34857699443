using System.Globalization;
using ScottPlot;

namespace Penchant.Server.Dashboard;

/// <summary>Draws the dashboard's charts with ScottPlot as SVG (rendered on the server; no chart code in the browser).</summary>
/// <remarks>Labels are closed-class words (event kinds, dates, bins), never user text.</remarks>
internal static class Plots
{
    private const int Width = 640;
    private const int Height = 300;

    /// <summary>Draws bars, one per label.</summary>
    /// <param name="title">The title.</param>
    /// <param name="labels">The bar labels.</param>
    /// <param name="values">The bar heights.</param>
    /// <param name="yLabel">The value axis label.</param>
    /// <returns>The SVG document.</returns>
    public static string Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string yLabel)
    {
        var plot = new Plot();
        var positions = new double[values.Count];
        for (int i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        plot.Add.Bars(positions, [.. values]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. labels]);
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel(yLabel);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Draws one line per series over days.</summary>
    /// <param name="title">The title.</param>
    /// <param name="days">The days, in order.</param>
    /// <param name="series">The series, each with a legend text and one value per day.</param>
    /// <param name="yLabel">The value axis label.</param>
    /// <returns>The SVG document.</returns>
    public static string DailyLines(string title, IReadOnlyList<DateOnly> days, IReadOnlyList<(string Name, double[] Values)> series, string yLabel)
    {
        var plot = new Plot();
        double[] xs = new double[days.Count];
        string[] labels = new string[days.Count];
        for (int i = 0; i < xs.Length; i++)
        {
            xs[i] = i;
            labels[i] = days[i].ToString("MM-dd", CultureInfo.InvariantCulture);
        }

        foreach ((string name, double[] values) in series)
        {
            var line = plot.Add.Scatter(xs, values);
            line.LegendText = name;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, labels);
        if (series.Count > 1)
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }

        plot.Title(title);
        plot.YLabel(yLabel);
        return plot.GetSvgXml(Width, Height);
    }
}
