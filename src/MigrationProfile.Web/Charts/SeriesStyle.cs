namespace MigrationProfile.Web.Charts;

/// <summary>
/// How the n-th line is told apart: a colour class (site.css, AA contrast on white), a dash pattern and a
/// marker shape, so lines differ in black-and-white print and for readers who do not see the colours.
/// </summary>
internal static class SeriesStyle
{
    public const int Count = 6;

    private static readonly string?[] s_dashes = [null, "7 4", "2 3", "10 3 2 3", "5 2", "1 3"];

    private static readonly string[] s_shapes = ["circle", "square", "triangle", "diamond", "cross", "triangle-down"];

    public static string ColourClass(int index) => $"chart-series-{index % Count}";

    public static string? Dash(int index) => s_dashes[index % Count];

    /// <summary>Draws the series' marker centred on (x, y); <paramref name="title"/> names the point on hover.</summary>
    public static void Marker(SvgWriter svg, int index, double x, double y, double size, string? title,
        params (string Name, object? Value)[] data)
    {
        var r = size;
        (string Name, object? Value)[] shape = (index % Count) switch
        {
            0 => [("cx", x), ("cy", y), ("r", r)],
            1 => [("x", x - r), ("y", y - r), ("width", 2 * r), ("height", 2 * r)],
            2 => [("d", $"M{SvgWriter.Number(x)} {SvgWriter.Number(y - r * 1.2)}L{SvgWriter.Number(x + r * 1.15)} {SvgWriter.Number(y + r * 0.8)}L{SvgWriter.Number(x - r * 1.15)} {SvgWriter.Number(y + r * 0.8)}Z")],
            3 => [("d", $"M{SvgWriter.Number(x)} {SvgWriter.Number(y - r * 1.3)}L{SvgWriter.Number(x + r * 1.3)} {SvgWriter.Number(y)}L{SvgWriter.Number(x)} {SvgWriter.Number(y + r * 1.3)}L{SvgWriter.Number(x - r * 1.3)} {SvgWriter.Number(y)}Z")],
            4 => [("d", $"M{SvgWriter.Number(x - r)} {SvgWriter.Number(y - r)}L{SvgWriter.Number(x + r)} {SvgWriter.Number(y + r)}M{SvgWriter.Number(x + r)} {SvgWriter.Number(y - r)}L{SvgWriter.Number(x - r)} {SvgWriter.Number(y + r)}")],
            _ => [("d", $"M{SvgWriter.Number(x - r)} {SvgWriter.Number(y - r * 0.9)}L{SvgWriter.Number(x + r)} {SvgWriter.Number(y - r * 0.9)}L{SvgWriter.Number(x)} {SvgWriter.Number(y + r * 1.1)}Z")],
        };
        var element = (index % Count) switch { 0 => "circle", 1 => "rect", _ => "path" };
        // The cross is drawn with its stroke only; the filled shapes take the series colour as fill.
        var cssClass = $"chart-marker chart-marker-{s_shapes[index % Count]} {ColourClass(index)}{(index % Count == 4 ? " chart-marker-open" : "")}";
        (string Name, object? Value)[] attributes = [.. shape, ("class", cssClass), .. data];
        if (title is null)
        {
            svg.Empty(element, attributes);
            return;
        }
        svg.Open(element, attributes).Element("title", title).Close(element);
    }
}
