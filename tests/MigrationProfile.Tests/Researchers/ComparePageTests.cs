using AngleSharp.Html.Dom;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.Tests.Researchers;

public class ComparePageTests(ResearchersPortal portal) : IClassFixture<ResearchersPortal>
{
    [Fact]
    public async Task Three_countries_are_three_lines_of_the_World_Bank_series()
    {
        var page = await portal.GetDocumentAsync("/compare?countries=kaz,KGZ,uzbekistan&indicator=population");

        var lines = page.QuerySelectorAll("svg.chart-line g.chart-series").Select(g => g.GetAttribute("data-series")).ToList();
        Assert.Equal(["Kazakhstan", "Kyrgyzstan", "Uzbekistan"], lines);
        Assert.Contains("World Bank", page.QuerySelector(".source-note")!.Visible(), StringComparison.Ordinal);
        var table = page.QuerySelector("table.series-table")!;
        Assert.Equal(["Period", "Kazakhstan", "Kyrgyzstan", "Uzbekistan"], table.QuerySelectorAll("thead th").Select(th => th.Visible()));
        var row2024 = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.Visible() == "2024");
        Assert.Equal(["2024", "20 592 571", "7 221 868", "36 361 859"], row2024.Children.Select(c => c.Visible()));
        Assert.Equal(66, IndicatorPageTests.Cells(table, 3).Count(c => c.Value is not null));
        // The form keeps the choice.
        Assert.Equal(["kaz", "kgz", "uzb"], page.QuerySelectorAll("select#countries option[selected]").Select(o => o.GetAttribute("value")));
        Assert.Equal("population", page.QuerySelector("select#indicator option[selected]")!.GetAttribute("value"));
        var centralAsia = page.QuerySelectorAll("select#countries optgroup").Single(g => g.GetAttribute("label") == "Central Asia");
        Assert.Equal(["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"], centralAsia.QuerySelectorAll("option").Select(o => o.Visible()));
        Assert.Equal(49, page.QuerySelectorAll("select#countries option").Length);
    }

    [Fact]
    public async Task The_multi_select_form_sends_repeated_values()
    {
        var page = await portal.GetDocumentAsync("/compare?countries=kgz&countries=uzb&indicator=population");

        Assert.Equal(["Kyrgyzstan", "Uzbekistan"], page.QuerySelectorAll("svg.chart-line g.chart-series").Select(g => g.GetAttribute("data-series")));
    }

    [Theory]
    [InlineData("/compare?countries=kaz,kgz,uzb,tjk,tkm,aze,arm&indicator=population", "7 countries were chosen")]
    [InlineData("/compare?countries=kaz,atlantis&indicator=population", "Not a country with a profile here: \"atlantis\"")]
    [InlineData("/compare?countries=kaz&indicator=happiness", "There is no indicator \"happiness\"")]
    [InlineData("/compare?countries=%3Cscript%3E&indicator=%3Cb%3E", "There is no indicator \"<b>\"")]
    public async Task Bad_choices_get_a_message_not_an_error(string url, string message)
    {
        var (status, page, html) = await portal.GetAsync(url);

        Assert.Equal(200, status);
        Assert.Contains(message, page.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_six_shows_the_first_six()
    {
        var page = await portal.GetDocumentAsync("/compare?countries=kaz,kgz,uzb,tjk,tkm,aze,arm&indicator=population");

        Assert.Equal(6, page.QuerySelectorAll("table.series-table thead th").Length - 1);
    }

    [Fact]
    public async Task Without_a_choice_the_page_is_the_form()
    {
        var page = await portal.GetDocumentAsync("/compare");

        Assert.Null(page.QuerySelector("svg"));
        Assert.NotNull(page.QuerySelector("label[for=countries]"));
        Assert.NotNull(page.QuerySelector("label[for=indicator]"));
        Assert.Null(page.QuerySelector(".notice"));
    }

    [Fact]
    public async Task An_indicator_no_international_source_has_says_so()
    {
        var page = await portal.GetDocumentAsync("/compare?countries=kaz,kgz&indicator=citizenship-by-birth");

        Assert.Contains("No international source has figures", page.QuerySelector(".profile-status")!.Visible(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("svg.chart-line"));
    }
}
