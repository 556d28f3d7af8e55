using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Seed;

/// <summary>The Kazakhstan profile's narrative, in the project's own words; every fact and figure of the seed page kept.</summary>
internal static class KazakhstanNarrative
{
    public static IReadOnlyList<NarrativeSection> Sections() =>
    [
        new() { Heading = "A regional migration hub", SortOrder = 1, BodyMarkdown = """
            Kazakhstan is one of Central Asia's main migration hubs. In 2021 it was among the world's top 15 countries both as a destination and as a country of origin of migrants. Its population has grown steadily since 2001 and passed 20 million in 2024.

            Most migration to and from Kazakhstan is regional, taking place between countries of the Commonwealth of Independent States (CIS). IOM's [World Migration Report 2024](https://worldmigrationreport.iom.int/) ranks the Kazakhstan–Russia migration corridor 8th in the world.

            According to UN DESA's International Migrant Stock 2020, Kazakhstan was home to **3,732,073** international migrants in 2020. Most of them came from Russia (2,476,018), Ukraine (355,751) and Uzbekistan (296,511). For 2010, the same UN DESA series gives 2,211,875 migrants from Russia, 317,803 from Ukraine and 264,862 from Uzbekistan.
            """ },
        new() { Heading = "Arrivals and departures for permanent residence", SortOrder = 2, BodyMarkdown = """
            In 2023 Kazakhstan's net migration turned positive for the first time in a decade: more than **25,000** people arrived to settle permanently, while **16,000** left. Compared with 2022, arrivals rose by 45.7% and departures fell by 33.3%.

            Over 86% of arrivals and 77% of departures involved CIS countries. Most newcomers came from Russia, Uzbekistan, Turkmenistan and Kyrgyzstan. Net gains from Uzbekistan were a key driver of the country's positive overall balance in 2023, whereas more permanent migrants left for Russia than arrived from it. Outside the CIS, permanent-residence flows in both directions were largest with Mongolia, China and Türkiye.

            Kazakhstan issued **713,000** temporary residence permits in 2023, a marked increase on the **530,000** issued in 2022. More and more ethnic Kazakhs are also coming back to their homeland: by September 2023, **16,026** had been granted *kandas* status.
            """ },
        new() { Heading = "Border crossings and short-term movement", SortOrder = 3, BodyMarkdown = """
            Border-crossing data show that overall movement to and from Kazakhstan is far larger than permanent-residence flows suggest. Between October and December 2023 alone, there were more than 3.4 million arrivals and more than 3.2 million departures, most of them involving Uzbekistan, Kyrgyzstan, Russia and Tajikistan. Arrivals over the whole of 2023 exceeded **14 million**, up from **6.9 million** in 2022.

            Arrivals from Russia were especially high in 2022, when nearly **a million** people entered Kazakhstan immediately after the September mobilisation in Russia. By late 2023, however, only about **150,000** Russians were reported to have stayed on in Kazakhstan.
            """ },
        new() { Heading = "Labour migration to Kazakhstan", SortOrder = 4, BodyMarkdown = """
            Labour migrants from neighbouring Central Asian countries have long been drawn to Kazakhstan by its proximity, the opportunities on its labour market and its expanding economy; many of them work temporarily or seasonally. Labour migration to Kazakhstan tends to rise when conditions in Russia, which still attracts the largest share of Central Asian labour migrants, become unfavourable or its migration policies turn restrictive.

            Workers from Uzbekistan form by far the biggest part of the foreign workforce. IOM's mobility assessment for December 2023–January 2024 recorded:

            - nearly half a million Uzbek labour migrants;
            - 70,000 Russians;
            - 27,000 Kyrgyz;
            - 21,000 Tajiks.

            In total, Kazakhstan had **47%** more foreign workers in 2023 than in 2022.
            """ },
        new() { Heading = "Irregular migration", SortOrder = 5, BodyMarkdown = """
            Kazakhstan also faces irregular migration. It involves people who come to work and breach the country's migration law, as well as people escaping political or economic instability at home, mostly in other CIS countries such as Uzbekistan, Kyrgyzstan and Tajikistan.

            On March 22, 2024, a terrorist attack struck Crocus City Hall near Moscow; reports attributed it to several ethnic Tajiks. In its aftermath, faced with an unexpected inflow of workers, Kazakhstan tightened its measures against irregular migration.
            """ },
        new() { Heading = "Kazakhs abroad", SortOrder = 6, BodyMarkdown = """
            UN DESA estimated that, as of mid-2020, **4,203,899** migrants from Kazakhstan lived abroad, most of them in the developed regions of Europe and North America. The Fund of Compatriots of Kazakhstan puts the figure closer to **5 million**, including **1.6 million** Kazakhs in China, 821,000 in Uzbekistan and 591,000 in Russia.

            Ties between China and Kazakhstan go back a long way and were reinforced in 2023, when a visa-free regime was introduced. Sizeable Kazakh communities also live in:

            - Mongolia: 121,000
            - the Kyrgyz Republic: 35,000
            - Türkiye: 30,000
            - the United States: 17,000
            - Iran: 10,000
            - Turkmenistan: 9,000

            Emigration for permanent residence in 2023 was directed mainly at Russia: **73%** of the **16,000 permanent residents** who left went there, followed by Germany (14%), the USA (3%) and Poland (2%).
            """ },
        new() { Heading = "Kazakh nationals in the European Union", SortOrder = 7, BodyMarkdown = """
            EU Member States, especially in Central and Eastern Europe, where key industries face growing labour shortages, are drawing more and more labour migrants from Kazakhstan. In 2023 the number of valid employment-based residence permits held by Kazakh nationals was twice the 2021 level in Poland (3,943 vs 1,673) and in Hungary (1,103 vs 450).

            Family reunification and education are nevertheless still the main grounds on which EU countries grant residence permits to Kazakh nationals. At the end of 2022 they held **78,567** valid permits; half of these had been issued by Germany, mostly for family reasons. Spain (over 3,600 permits) and France (close to 3,000) likewise granted most of their permits on family grounds. The Czech Republic had issued 9,039 permits, most of them for education.

            In 2023 Kazakh nationals received over **18,500** first residence permits in the EU, 11% more than in 2022 and 47% more than in 2021. Most were issued by Poland (up 15% on 2022), Lithuania (a sixfold increase on 2022) and the Czech Republic (up 10% on 2021).

            Growing numbers of Kazakh citizens also seek jobs in Japan, the United Kingdom and South Korea; estimates of the Kazakh population in South Korea range from 10,000 to 40,000.
            """ },
        new() { Heading = "Asylum and refugees from Kazakhstan", SortOrder = 8, BodyMarkdown = """
            According to UNHCR, 11,277 people from Kazakhstan applied for asylum in 2023, most often in the United Kingdom, Germany and Canada.

            In 2022, **4,417** Kazakh nationals held refugee status in Germany, up sharply from just 86 a year earlier. France had the second-largest population of Kazakh refugees in the EU: **543** people.
            """ },
        new() { Heading = "Returns and irregular stay in the EU", SortOrder = 9, BodyMarkdown = """
            Irregular migration of Kazakh nationals to the EU remains low, and the return rate has averaged more than 60% since 2015. In 2023, for example, **635** of the **1,055** Kazakh nationals ordered to leave were returned.

            Between January and March 2024, orders to leave the EU were issued to **215** Kazakh citizens, chiefly by Sweden (50), Lithuania (35) and France (30). Over the same three months, **160** people were returned after an order to leave, mainly by Sweden (65) and Lithuania (25).

            The number of Kazakh nationals staying irregularly in the EU passed **2,000** in 2023. This is the highest figure recorded since 2014 and almost twice the earlier yearly average of around 1,000.
            """ },
        new() { Heading = "Governance and policy", SortOrder = 10, BodyMarkdown = """
            Kazakhstan has given its endorsement to the Global Compact for Migration and takes part in various regional migration dialogues.

            As labour migration matters more and more for socio-economic development, responsibility for migration is gradually shifting from the Ministry of Interior to the Ministry of Labour and Social Protection of Population. Since 2022, the Ministry of Interior has neither issued work permits to labour migrants nor ruled on refugee status.

            The Government of Kazakhstan approved the Migration Policy Concept 2023-2027 in 2022. In early 2023, responding to the arrival of large numbers of Russian citizens, Kazakhstan capped visa-free stays by citizens of Eurasian Economic Union member states at 90 days in any 180-day period.

            The "Kazakhstan-2050" Development Strategy and the Strategic Development Plan until 2025 put the emphasis on building human capital and raising quality of life, including for people engaged in migration. President Tokayev's 2021 address highlighted how strongly migration affects the labour market, an area where the Migration Policy Concept 2023-2027 has an important part to play.
            """ },
    ];
}
