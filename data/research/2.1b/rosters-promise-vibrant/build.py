"""Working file: writes this slice's CSVs (rosters-promise-vibrant, 2.1b)."""
import csv
from pathlib import Path

HERE = Path(__file__).parent
C = "2026-12-07"
TAM = "tamarack-institute"
TEN = "http://vibrantcanada.ca/blogs/donna-jean-forster-gill/10-ways-vibrant-communities-are-reducing-poverty"
COLS = ["id","name","name_he","roles","org_type","domains","scope","city","region","country_code",
        "latitude","longitude","year_started","year_ended","network","website","description","source","checked"]

def row(**k):
    r = {c: "" for c in COLS}
    r.update(k); r["country_code"] = r["country_code"] or "CA"; r["checked"] = C
    return r

orgs = [
 row(id="vibrant-communities-charlotte-county", name="Vibrant Communities Charlotte County", roles="operating",
     org_type="initiative", domains="community-development;housing", scope="rural", region="New Brunswick",
     year_started="2011", website="http://vibrantcc.ca/",
     description="Charlotte County's community inclusion network under New Brunswick's poverty plan: a four-sector table with a regional poverty reduction plan since 2011; its work moved to the Southwest NB Service Commission in 2022.",
     source="http://vibrantcanada.ca/users/vibrant-charlotte-county;http://vibrantcc.ca/aboutvc/;https://www2.gnb.ca/content/gnb/en/departments/esic/news/news_release.2011.01.0066.html;https://snbsc.ca/community-services/community-development/about-community-development"),
 row(id="peterborough-poverty-reduction-network", name="Peterborough Poverty Reduction Network", roles="operating",
     org_type="initiative", domains="community-development", scope="regional", city="Peterborough", region="Ontario",
     description="Network working on poverty in the City and County of Peterborough, Ontario; in April 2016 it launched a community poverty reduction plan.",
     source="http://www.pspc.on.ca/peterborough%E2%80%99s-poverty-reduction-plan-aspiring-poverty-free-community"),
 row(id="city-of-lethbridge", name="City of Lethbridge", roles="operating", org_type="government",
     domains="community-development", scope="metropolitan", city="Lethbridge", region="Alberta", year_started="2011",
     description="Municipality whose community and social development committee launched Lethbridge's first comprehensive poverty reduction strategy in 2011 with a stakeholder roundtable, adapting the Vibrant Communities approach.",
     source="http://www.b93.fm/news.asp?ID=4244"),
 row(id="yukon-anti-poverty-coalition", name="Yukon Anti-Poverty Coalition", roles="operating;knowledge",
     org_type="network", domains="community-development;housing", scope="regional", city="Whitehorse", region="Yukon",
     year_started="1996", website="https://yapc.ca/",
     description="Whitehorse-based coalition formed in 1996 that works through awareness, research, advocacy and community building to end poverty and homelessness in the Yukon, with a housing task force and an annual action week.",
     source="https://www.yukon-news.com/letters-opinions/a-creation-story/;https://yapc.ca/news/entry/187;http://yapc.ca/actions/detail/housing-task-force"),
 row(id="thrive-medicine-hat", name="THRIVE (Medicine Hat & Region)", roles="operating", org_type="initiative",
     domains="community-development;housing", scope="metropolitan", city="Medicine Hat", region="Alberta",
     year_started="2013", website="https://www.thrivemh.ca/",
     description="Cross-sector strategy to end poverty and increase wellbeing in Medicine Hat by 2030, grown from a 2013 community roundtable; launched as THRIVE in 2017 with a council of champions and its own backbone.",
     source="http://vibrantcanada.ca/resource-library/community-poverty-reduction-plans/thrive-medicine-hat-and-region-strategy-end-pover;https://www.thrivemh.ca/about/;http://www.pressreader.com/canada/medicine-hat-news/20170216/281539405714614"),
 row(id="quality-of-life-challenge", name="Quality of Life CHALLENGE", roles="operating", org_type="initiative",
     domains="community-development;housing;employment", scope="metropolitan", city="Victoria", region="British Columbia",
     description="Partnership in BC's Capital Region, led by a multi-sector leadership roundtable and hosted by the Community Council, that worked on incomes, living costs and learning to prevent and reduce poverty; a Vibrant Communities partner.",
     source="https://archives.ccednet-rcdec.ca/en/job/2007/10/30/director"),
 row(id="london-child-and-youth-network", name="Child and Youth Network (London)", roles="operating",
     org_type="initiative", domains="youth;education;early-childhood;community-development", scope="metropolitan",
     city="London", region="Ontario", year_started="2007", website="https://www.londoncyn.ca/",
     description="Network of over 150 agencies and people convened with the City of London, Ontario since 2007; ending poverty has been one of its shared priorities since 2008, alongside literacy.",
     source="http://vibrantcanada.ca/users/london;https://www.london.ca/residents/children-youth/child-youth-network/Pages/Ending-Poverty.aspx;https://www.londoncyn.ca/priority_areas/"),
 row(id="city-of-revelstoke", name="City of Revelstoke", roles="operating", org_type="government",
     domains="community-development;housing;food-systems", scope="rural", city="Revelstoke", region="British Columbia",
     year_started="2011",
     description="Municipality whose Community Social Development Committee led a community poverty reduction strategy from 2011 (completed 2012) with business, non-profit and provincial partners; it endorsed the Cities Reducing Poverty charter in 2015.",
     source="https://www.revelstokereview.com/news/city-of-revelstoke-endorses-national-poverty-reduction-charter/;https://www.revelstokereview.com/our-town/revelstoke-poverty-reduction-creating-shared-prosperity-part-1-sharing-information/;https://old.bchealthycommunities.ca/success-story/revelstoke-targets-poverty-reduction-asset-based-strategy/"),
 row(id="poverty-to-prosperity-huron", name="Poverty to Prosperity in Huron Network", roles="operating",
     org_type="network", domains="community-development;food-systems", scope="rural", region="Ontario",
     year_started="2014",
     description="Network in Huron County, Ontario, of the health unit, county social services, Rural Response for Healthy Children and United Way Perth-Huron working toward policies that reduce poverty and improve food access.",
     source="https://www.huroncounty.ca/news/candidates-survey-looks-at-poverty-in-county/;https://pubdocs.huroncounty.ca/WebLink/DocView.aspx?dbid=0&id=1005917&repo=CoH"),
 row(id="bruce-grey-poverty-task-force", name="Bruce Grey Poverty Task Force", roles="operating",
     org_type="initiative", domains="community-development;housing;food-systems", scope="rural", region="Ontario",
     year_started="2014", website="https://povertytaskforce.com/",
     description="Collective of over 50 partner organizations in Bruce and Grey Counties, Ontario, with action groups on food security, housing, income and transportation; it reports collective impact with Tamarack's support.",
     source="https://owensoundhub.org/news/10244-the-local-impact-of-poverty.html;https://povertytaskforce.com/2014/12/17/poverty-task-force-meeting-minutes_17-october-2014/"),
 row(id="greater-fredericton-social-innovation", name="Greater Fredericton Social Innovation", roles="operating",
     org_type="backbone", domains="community-development", scope="regional", city="Fredericton", region="New Brunswick",
     year_started="2011",
     description="Organization approved in 2011 to host the community inclusion network for the Fredericton region under New Brunswick's poverty reduction plan, coordinating local poverty reduction efforts.",
     source="https://www2.gnb.ca/content/gnb/en/departments/esic/news/news_release.2011.01.0066.html"),
]

def link(s, src, note, since=""):
    return dict(source_id=s, target_id=TAM, relation="member_of", since=since, until="", source=src, checked=C, note=note)

links = [
 link("vibrant-communities-charlotte-county","http://vibrantcanada.ca/users/vibrant-charlotte-county","member profile in the Cities Reducing Poverty national directory"),
 link("peterborough-poverty-reduction-network",TEN,"Peterborough named among the network's community-based poverty roundtables (Jan 2015)"),
 link("city-of-lethbridge",TEN,"Lethbridge named among the network's poverty reduction roundtables (Jan 2015)"),
 link("yukon-anti-poverty-coalition",TEN,"Whitehorse named among the network's poverty reduction roundtables (Jan 2015)"),
 link("thrive-medicine-hat",TEN,"Medicine Hat named among the network's poverty reduction roundtables (Jan 2015)"),
 link("quality-of-life-challenge","https://archives.ccednet-rcdec.ca/en/job/2007/10/30/director","described as a partner in Vibrant Communities Canada (2007)"),
 link("london-child-and-youth-network","http://vibrantcanada.ca/users/london","member profile in the Cities Reducing Poverty national directory"),
 link("city-of-revelstoke","https://www.revelstokereview.com/news/city-of-revelstoke-endorses-national-poverty-reduction-charter/","city already a member of Vibrant Communities Canada in 2015"),
 link("poverty-to-prosperity-huron",TEN,"Huron County named among the network's poverty reduction roundtables (Jan 2015)"),
 link("bruce-grey-poverty-task-force","https://www.tamarackcommunity.ca/latest/page/80","Tamarack features it among Cities Reducing Poverty partners (Oct 2018)"),
 link("greater-fredericton-social-innovation",TEN,"Fredericton named among the network's poverty reduction roundtables (Jan 2015)"),
 link("hamilton-roundtable-for-poverty-reduction",TEN,"Hamilton named among the network's poverty reduction roundtables (Jan 2015)"),
 link("guelph-wellington-task-force-for-poverty-elimination",TEN,"Guelph-Wellington named among the network's poverty reduction roundtables (Jan 2015)"),
 link("pathway-to-potential",TEN,"Windsor-Essex named among the network's municipally led poverty strategies (Jan 2015)"),
 link("vivre-saint-michel-en-sante",TEN,"St. Michel named among the network's poverty reduction roundtables (Jan 2015)"),
]

nets = [
 dict(network="Vibrant Communities", organisation_id=TAM,
      roster_source="http://vibrantcanada.ca/blogs/kirsti-battista/meet-members-cities-reducing-poverty-national-directory-now-online",
      roster_date="2017-09-14", roster_size="57",
      note="The Cities Reducing Poverty national directory (September 2017): one profile page per member community. Counted against 57; 2.1b also used Vibrant Communities' January 2015 list of member communities (10 Ways post), profiles and members' own pages."),
 dict(network="Promise Neighborhoods", organisation_id="promise-neighborhoods-u-s-department-of-education",
      roster_source="https://promiseneighborhoods.ed.gov/data-and-results/infographics", roster_date="2026-12-07", roster_size="73",
      note="No single list found: the size is the Department of Education's count of communities funded by 2022; 2010, 2011 and 2016 grantee lists were read; 2012, 2017-2023 lists not readable in 2.1b either (undated; read 2026-12-07)."),
]

def write(name, cols, rows):
    with open(HERE / name, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols); w.writeheader(); w.writerows(rows)

write("organisations.csv", COLS, orgs)
write("relationships.csv", ["source_id","target_id","relation","since","until","source","checked","note"], links)
write("networks.csv", ["network","organisation_id","roster_source","roster_date","roster_size","note"], nets)
for o in orgs: assert len(o["description"]) <= 240, (o["id"], len(o["description"]))
print(len(orgs), "rows", len(links), "links")
