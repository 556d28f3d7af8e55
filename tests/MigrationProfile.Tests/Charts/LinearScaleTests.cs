using MigrationProfile.Web.Charts;

namespace MigrationProfile.Tests.Charts;

public class LinearScaleTests
{
    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1, 1)]
    [InlineData(1.2, 2)]
    [InlineData(2.5, 5)]
    [InlineData(7, 10)]
    [InlineData(2_169_350.8, 5_000_000)]
    [InlineData(0.031, 0.05)]
    public void Steps_are_1_2_or_5_times_a_power_of_ten(double rough, double nice) =>
        Assert.Equal(nice, LinearScale.NiceStep(rough), 9);

    [Fact]
    public void A_value_axis_extends_to_the_ticks_around_the_data()
    {
        // Kazakhstan's population 1960-2025.
        var scale = LinearScale.Create(9_996_000, 20_843_754, 200, 10);

        Assert.Equal(5_000_000, scale.Step);
        Assert.Equal([5e6, 10e6, 15e6, 20e6, 25e6], scale.Ticks);
        Assert.Equal((5e6, 25e6), (scale.DomainMin, scale.DomainMax));
        Assert.Equal(200, scale.Map(5e6), 6);
        Assert.Equal(10, scale.Map(25e6), 6);
        Assert.Equal(105, scale.Map(15e6), 6);
    }

    [Fact]
    public void A_year_axis_keeps_its_ends_and_ticks_whole_years_inside_them()
    {
        var scale = LinearScale.Create(1960, 2025, 0, 400, maxTicks: 6, extendToTicks: false, minStep: 1);

        Assert.Equal((1960, 2025), (scale.DomainMin, scale.DomainMax));
        Assert.Equal([1960, 1980, 2000, 2020], scale.Ticks);
        Assert.Equal(0, scale.Map(1960), 6);
        Assert.Equal(400, scale.Map(2025), 6);
    }

    [Fact]
    public void A_few_quarters_never_get_a_step_below_the_minimum()
    {
        var scale = LinearScale.Create(2024, 2024.75, 0, 100, extendToTicks: false, minStep: 1);

        Assert.Equal(1, scale.Step);
        Assert.Equal([2024], scale.Ticks);
    }

    [Fact]
    public void Decimal_steps_give_clean_ticks()
    {
        var scale = LinearScale.Create(4.1, 5.3, 0, 100);

        Assert.Equal(0.5, scale.Step, 9);
        Assert.Equal([4.0, 4.5, 5.0, 5.5], scale.Ticks);
    }

    [Fact]
    public void One_value_gets_room_around_it_and_sits_in_the_middle()
    {
        var scale = LinearScale.Create(7_221_868, 7_221_868, 0, 100);

        Assert.True(scale.DomainMin < 7_221_868 && scale.DomainMax > 7_221_868);
        Assert.InRange(scale.Map(7_221_868), 20, 80);
        var zero = LinearScale.Create(0, 0, 0, 100);
        Assert.Equal([-1.0, -0.5, 0.0, 0.5, 1.0], zero.Ticks);
    }

    [Fact]
    public void Bars_start_at_zero()
    {
        var scale = LinearScale.Create(100_242, 744_161, 0, 380, extendToTicks: false, includeZero: true);

        Assert.Equal(0, scale.DomainMin);
        Assert.Equal(0, scale.Map(0));
        Assert.Equal(380, scale.Map(744_161), 6);
    }

    [Fact]
    public void Negative_values_such_as_net_migration_span_zero()
    {
        var scale = LinearScale.Create(-61_000, 23_500, 0, 100);

        Assert.Equal(20_000, scale.Step);
        Assert.Contains(0.0, scale.Ticks);
        Assert.Equal((-80_000, 40_000), (scale.DomainMin, scale.DomainMax));
    }
}
