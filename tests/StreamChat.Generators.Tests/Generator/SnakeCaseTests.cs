using StreamChat.Generators.Parsing;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>Default claim names: the snake_case form of the property name.</summary>
public sealed class SnakeCaseTests
{
    [TestCase("UserId", "user_id")]
    [TestCase("Level", "level")]
    [TestCase("HTTPReferrer", "http_referrer")]
    [TestCase("MyURLValue", "my_url_value")]
    [TestCase("IOStream", "io_stream")]
    [TestCase("Level2", "level2")]
    [TestCase("Room2Name", "room2_name")]
    [TestCase("already_snake", "already_snake")]
    [TestCase("Snake_Case", "snake_case")]
    [TestCase("ABC", "abc")]
    [TestCase("x", "x")]
    [TestCase("event", "event")]
    public void Property_names_map_to_snake_case(string property, string claim) =>
        Assert.That(Names.ToSnakeCase(property), Is.EqualTo(claim));
}
