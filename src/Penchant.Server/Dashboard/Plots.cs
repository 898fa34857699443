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

    /// <summary>Draws a reliability diagram: the observed share per bin of predicted probability, against the diagonal of perfect calibration.</summary>
    /// <param name="title">The title.</param>
    /// <param name="predicted">The mean predicted probability of each non-empty bin.</param>
    /// <param name="observed">The observed share of each bin.</param>
    /// <returns>The SVG document.</returns>
    public static string Reliability(string title, IReadOnlyList<double> predicted, IReadOnlyList<double> observed)
    {
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfectly calibrated";
        var bins = plot.Add.Scatter(predicted.ToArray(), observed.ToArray());
        bins.MarkerSize = 9;
        bins.LegendText = "observed";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title);
        plot.XLabel("predicted probability (gate)");
        plot.YLabel("share accepted");
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Draws one bar per estimate with its confidence interval as an error bar.</summary>
    /// <param name="title">The title.</param>
    /// <param name="labels">The bar labels.</param>
    /// <param name="values">The estimates.</param>
    /// <param name="halfWidths">Half the width of each confidence interval.</param>
    /// <param name="yLabel">The value axis label.</param>
    /// <returns>The SVG document.</returns>
    public static string Estimates(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, IReadOnlyList<double> halfWidths, string yLabel)
    {
        var plot = new Plot();
        var bars = new List<Bar>(values.Count);
        var positions = new double[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            positions[i] = i;
            bars.Add(new Bar { Position = i, Value = values[i], Error = halfWidths[i] });
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. labels]);
        plot.Title(title);
        plot.YLabel(yLabel);
        return plot.GetSvgXml(Width, Height);
    }
}
