using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Html;
using MigrationProfile.Web.Charts;

namespace MigrationProfile.Tests.Charts;

public class ChartRenderingTests
{
    private static readonly ChartSeries s_worldBank = new("World Bank",
        [ChartPoint.ForPeriod(2025, null, 20_843_754m), ChartPoint.ForPeriod(1960, null, 9_996_000m), ChartPoint.ForPeriod(1961, null, 10_217_000m)]);

    private static readonly ChartSeries s_unDesa = new("UN DESA · International Migrant Stock 2024",
        [.. new[] { 1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024 }.Select((y, i) => ChartPoint.ForPeriod(y, null, 3_000_000m - (i * 100_000m)))]);

    private static readonly int[] s_gappedYears = [2000, 2001, 2002, 2004, 2005];

    [Fact]
    public void A_line_chart_is_a_named_image_with_a_trend_summary()
    {
        var svg = Parse(LineChart.Render("Population in Kazakhstan, persons", [s_worldBank, s_unDesa], "persons"));

        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("0 0 480 270", svg.GetAttribute("viewBox"));
        Assert.Equal("Population in Kazakhstan, persons", svg.QuerySelector("title")!.TextContent);
        Assert.Equal("World Bank: from 9 996 000 persons in 1960 to 20 843 754 persons in 2025; "
            + "UN DESA · International Migrant Stock 2024: from 3 000 000 persons in 1990 to 2 300 000 persons in 2024.",
            svg.QuerySelector("desc")!.TextContent);
        Assert.Equal(2, svg.QuerySelectorAll(".chart-legend text").Length);
    }

    [Fact]
    public void Every_point_carries_its_period_and_value_in_order()
    {
        var svg = Parse(LineChart.Render("t", [s_worldBank]));

        var points = svg.QuerySelectorAll("[data-value]").Select(p => (p.GetAttribute("data-period"), p.GetAttribute("data-value"))).ToList();
        Assert.Equal([("1960", "9996000"), ("1961", "10217000"), ("2025", "20843754")], points);
        Assert.Equal("World Bank, 1960: 9 996 000", svg.QuerySelector("[data-value] title")!.TextContent);
    }

    [Fact]
    public void A_missing_year_breaks_the_line_but_a_five_year_series_is_one_line()
    {
        // 1960, 1961, then nothing until 2025: two pieces, the second a lone marker.
        var worldBank = Parse(LineChart.Render("t", [s_worldBank]));
        Assert.Single(worldBank.QuerySelectorAll("path.chart-line-path"));
        Assert.Equal(3, worldBank.QuerySelectorAll("g.chart-series [data-value]").Length);
        Assert.Equal([2, 1], s_worldBank.Segments().Select(s => s.Count));

        Assert.Single(s_unDesa.Segments());
        var gap = new ChartSeries("x", [.. s_gappedYears.Select(y => ChartPoint.ForPeriod(y, null, y))]);
        Assert.Equal([3, 2], gap.Segments().Select(s => s.Count));
    }

    [Fact]
    public void Quarters_sit_between_years_and_read_as_quarters()
    {
        var point = ChartPoint.ForPeriod(2024, 3, 20_383m);

        Assert.Equal(2024.5, point.X);
        Assert.Equal("2024 Q3", point.Label);
        var quarters = new ChartSeries("STAT KZ", [.. Enumerable.Range(1, 4).Select(q => ChartPoint.ForPeriod(2024, q, q))]);
        Assert.Single(quarters.Segments());
    }

    [Fact]
    public void Lines_differ_by_dash_and_marker_shape_not_only_colour()
    {
        var series = Enumerable.Range(0, 6).Select(i => new ChartSeries($"Line {i}", [ChartPoint.ForPeriod(2000, null, i), ChartPoint.ForPeriod(2001, null, i + 1)])).ToList();
        var svg = Parse(LineChart.Render("t", series));

        var groups = svg.QuerySelectorAll("g.chart-series").ToList();
        var dashes = groups.Select(g => g.QuerySelector("path.chart-line-path")!.GetAttribute("stroke-dasharray") ?? "solid").ToList();
        Assert.Equal(6, dashes.Distinct().Count());
        var shapes = groups.Select(g => Shape(g.QuerySelector("[data-value]")!)).ToList();
        Assert.Equal(6, shapes.Distinct().Count());
        Assert.Equal(6, groups.Select(g => g.ClassList.Single(c => c.StartsWith("chart-series-", StringComparison.Ordinal))).Distinct().Count());
    }

    [Fact]
    public void Text_is_escaped_and_no_style_is_written()
    {
        var hostile = new ChartSeries("<script>alert(1)</script> & \"quotes\"", [ChartPoint.ForPeriod(2000, null, 1), ChartPoint.ForPeriod(2001, null, 2)]);
        var html = Html(LineChart.Render("A <b>title</b>", [hostile]))
            + Html(BarChart.Render("<i>bars</i>", [new BarItem("<img src=x onerror=alert(1)>", 5)]))
            + Html(Sparkline.Render("<u>s</u>", new ChartSeries("<s>", [.. Enumerable.Range(2000, 3).Select(y => ChartPoint.ForPeriod(y, null, y))])));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style", html, StringComparison.OrdinalIgnoreCase);
        var svg = Parse(LineChart.Render("A <b>title</b>", [hostile]));
        Assert.Equal("A <b>title</b>", svg.QuerySelector("title")!.TextContent);
        Assert.Equal(hostile.Name, svg.QuerySelector("g.chart-series")!.GetAttribute("data-series"));
    }

    [Fact]
    public void Bars_are_in_the_given_order_with_lengths_proportional_to_values()
    {
        var svg = Parse(BarChart.Render("Top origins", [new BarItem("Uzbekistan", 744_161m), new BarItem("Russian Federation", 372_080.5m), new BarItem("Other or unknown", 0m, "chart-summary")], "persons"));

        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Uzbekistan: 744 161 persons; Russian Federation: 372 080.5 persons; Other or unknown: 0 persons.", svg.QuerySelector("desc")!.TextContent);
        var items = svg.QuerySelectorAll("g.chart-bar-item").ToList();
        Assert.Equal(["Uzbekistan", "Russian Federation", "Other or unknown"], items.Select(i => i.GetAttribute("data-label")));
        var widths = items.Select(i => double.Parse(i.QuerySelector("rect")!.GetAttribute("width")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(widths[0] / 2, widths[1], 0);
        Assert.True(widths[2] <= 1);
        Assert.Contains("chart-summary", items[2].ClassList);
        Assert.Equal("744 161", items[0].QuerySelector(".chart-bar-value")!.TextContent);
    }

    [Fact]
    public void A_sparkline_needs_three_points()
    {
        var two = new ChartSeries("World Bank", [ChartPoint.ForPeriod(2023, null, 1), ChartPoint.ForPeriod(2024, null, 2)]);
        Assert.Equal(HtmlString.Empty, Sparkline.Render("t", two));

        var svg = Parse(Sparkline.Render("Trend: World Bank, 1960 to 2025", s_worldBank, "persons"));
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("World Bank: from 9 996 000 persons in 1960 to 20 843 754 persons in 2025.", svg.QuerySelector("desc")!.TextContent);
        Assert.Single(svg.QuerySelectorAll(".chart-sparkline-last"));
    }

    [Fact]
    public void Charts_fit_a_phone_by_their_view_box()
    {
        foreach (var chart in new[] { LineChart.Render("t", [s_worldBank]), BarChart.Render("t", [new BarItem("a", 1)]), Sparkline.Render("t", s_worldBank) })
        {
            var svg = Parse(chart);
            var width = double.Parse(svg.GetAttribute("viewBox")!.Split(' ')[2], CultureInfo.InvariantCulture);
            Assert.InRange(width, 1, 480);
            Assert.Contains("chart", svg.ClassList);
        }
    }

    private static string Shape(IElement marker) =>
        $"{marker.TagName.ToLowerInvariant()} {marker.ClassList.Single(c => c.StartsWith("chart-marker-", StringComparison.Ordinal) && c != "chart-marker-open")}";

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static IElement Parse(IHtmlContent content) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><body>{Html(content)}</body>").QuerySelector("svg")!;
}
