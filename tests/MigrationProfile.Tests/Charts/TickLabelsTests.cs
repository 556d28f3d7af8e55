using MigrationProfile.Web.Charts;

namespace MigrationProfile.Tests.Charts;

public class TickLabelsTests
{
    [Theory]
    // Population in millions: "20 M", and halves where the step needs them.
    [InlineData(9_996_000, 20_843_754, 20_000_000, "20 M")]
    [InlineData(2_172_300, 7_221_868, 2_000_000, "2 M")]
    [InlineData(1_990_268, 3_732_073, 2_500_000, "2.5 M")]
    // Thousands from 10 000; below that the number in full, grouped as the portal writes it.
    [InlineData(100_242, 744_161, 600_000, "600 k")]
    [InlineData(259, 6_200, 4_000, "4 000")]
    [InlineData(4.1, 5.3, 4.5, "4.5")]
    [InlineData(0, 291_480_274_648, 300_000_000_000, "300 bn")]
    [InlineData(-61_000, 23_500, -60_000, "-60 k")]
    [InlineData(0, 3, 0, "0")]
    public void Ticks_read_as_people_write_numbers(double min, double max, double tick, string label)
    {
        var scale = LinearScale.Create(min, max, 0, 100);

        Assert.Contains(tick, scale.Ticks);
        Assert.Equal(label, TickLabels.Format(tick, scale));
    }

    [Fact]
    public void A_fine_step_over_large_values_is_written_in_the_smaller_unit()
    {
        var scale = LinearScale.Create(1_000_000, 1_000_400, 0, 100);

        Assert.Equal(100, scale.Step);
        Assert.Equal("1 000.1 k", TickLabels.Format(1_000_100, scale));
    }

    [Fact]
    public void Years_are_written_without_grouping() => Assert.Equal("2020", TickLabels.Year(2020));
}
