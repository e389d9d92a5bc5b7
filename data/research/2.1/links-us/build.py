"""Build relationships.csv of the links-us slice from LINKS below (checked against every other file)."""
import csv, glob
from pathlib import Path
import pandas as pd
HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2]
C = "2026-12-07"
LINKS = [
# (source_id, target_id, relation, since, until, source, note)
("bill-melinda-gates-foundation","graduate-tacoma","funds","2019","","https://graduatetacoma.org/communityfund/","Gates Foundation made a one-time $2.5M investment in the Graduate Tacoma movement, announced June 2019"),
("opportunity-youth-incentive-fund","thrive-chicago","funds","","","http://aspencommunitysolutions.org/demonstration-cities-backbone-organizations/","Thrive Chicago is the backbone in the Opportunity Youth Incentive Fund"),
("opportunity-youth-incentive-fund","employ-collaborative","funds","","","http://aspencommunitysolutions.org/demonstration-cities-backbone-organizations/","EMPLOY Collaborative is the New Orleans backbone for the Opportunity Youth Incentive Fund"),
("the-kresge-foundation","the-build-health-challenge","founded","2014","","https://kresge.org/news-views/build-health-challenge-announces-18-inaugural-awardees-across-the-u-s/","Kresge among the four philanthropies and a company that created BUILD in fall 2014"),
("robert-wood-johnson-foundation","the-build-health-challenge","founded","2014","","https://kresge.org/news-views/build-health-challenge-announces-18-inaugural-awardees-across-the-u-s/","RWJF among the creators of BUILD in fall 2014"),
("the-colorado-health-foundation","the-build-health-challenge","founded","2014","","https://kresge.org/news-views/build-health-challenge-announces-18-inaugural-awardees-across-the-u-s/","Colorado Health Foundation named among the creators of BUILD"),
("interact-for-health","the-build-health-challenge","funds","","","http://philanthropynewsdigest.org/news/build-health-challenge-awards-8-million-for-community-health","named among funders that joined BUILD after its creation"),
("w-k-kellogg-foundation","the-build-health-challenge","funds","","","http://philanthropynewsdigest.org/news/build-health-challenge-awards-8-million-for-community-health","named among funders that joined BUILD after its creation"),
("opportunity-youth-incentive-fund","atlanta-ready-by-21","funds","2013","","https://ytfg.org/2013/07/a-ribbon-of-opportunity-youth-initiatives/","among the 21 communities selected in 2013 for Opportunity Youth Incentive Fund grants (backbone United Way of Greater Atlanta)"),
("opportunity-youth-incentive-fund","austin-opportunity-youth-collaborative","funds","2013","","https://ytfg.org/2013/07/a-ribbon-of-opportunity-youth-initiatives/","among the 21 communities selected in 2013 for Opportunity Youth Incentive Fund grants"),
("opportunity-youth-incentive-fund","baltimore-city-opportunity-youth-collaborative","funds","2013","","https://ytfg.org/2013/07/a-ribbon-of-opportunity-youth-initiatives/","among the 21 communities selected in 2013 for Opportunity Youth Incentive Fund grants"),
("boston-opportunity-agenda","boston-opportunity-youth-collaborative","backbone_of","2013","","https://ytfg.org/2013/07/a-ribbon-of-opportunity-youth-initiatives/","named with the Boston Private Industry Council as backbone of the Boston Opportunity Youth Collaborative"),
("greater-milwaukee-foundation","milwaukee-succeeds","founded","2011","","http://milwaukeesucceeds.org/aboutus","Milwaukee Succeeds says the Greater Milwaukee Foundation launched it in 2011"),
("greater-milwaukee-foundation","milwaukee-succeeds","backbone_of","","","https://www.greatermilwaukeefoundation.org/newsroom/recent-news/mkes-strive-grant/","initiative launched and embedded at the Greater Milwaukee Foundation"),
("greater-milwaukee-foundation","milwaukee-succeeds","funds","2015","","http://mail.milwaukeesucceeds.org/connect/newsroom/funders-collaborative-brings-opportunities-milwaukees-educational-initiatives","one of five funders each committing $1M over four years from 2015 in its funders' collaborative"),
("strivetogether","northfield-promise","funds","","","https://uw.org/?p=15128","StriveTogether Opportunity Fund grant to Northfield Promise"),
("strivetogether","strivepartnership","funds","2015","","https://www.learnwithsam.org/blog/category/Update","2015 Accelerator Fund awardee named as the two-state Cincinnati/Northern Kentucky partnership"),
("strivetogether","all-hands-raised","funds","2015","","https://www.learnwithsam.org/blog/category/Update","2015 Accelerator Fund awardee named by city (Portland); All Hands Raised was the Portland network partnership"),
("strivetogether","seeding-success","funds","2015","","https://www.learnwithsam.org/blog/category/Update","2015 Accelerator Fund awardee named by city (Memphis); Seeding Success is the Memphis network partnership"),
("strivetogether","raise-dc","funds","2017","","https://www.learnwithsam.org/blog/category/Update","2017 Accelerator Fund awardee named by city (Washington, D.C.); Raise DC is the DC network partnership"),
("the-annie-e-casey-foundation","baltimore-s-promise","funds","","","https://baltimorespromise.org/news-blog/thriveby25","new multiyear Casey investment under its Thrive by 25 focus on older youth"),
("the-annie-e-casey-foundation","baltimore-workforce-funders-collaborative","funds","","","https://www.marylandphilanthropy.org/news/baltimore-workforce-funders-collaborative-2023-year-review","named among the funders of the Collaborative in 2023"),
("the-annie-e-casey-foundation","sbcs","funds","","","http://philanthropynewsdigest.org/news/casey-foundation-launches-5.4-million-youth-success-initiative","South Bay Community Services (San Diego) named among local partners of Casey's LEAP initiative, announced 2016"),
("corporation-for-national-and-community-service-social-innovation-fund","the-annie-e-casey-foundation","funds","2015","","http://philanthropynewsdigest.org/news/casey-foundation-launches-5.4-million-youth-success-initiative","Social Innovation Fund awarded $4.5M in August 2015 in support of Casey's LEAP and other efforts"),
("the-bridgespan-group","white-house-council-for-community-solutions","advises","","","http://aspencommunitysolutions.org/about/","Bridgespan completed the needle-moving collaboratives analysis for the Council"),
("the-kresge-foundation","bridging-richmond","funds","2017","","http://bridgingrichmond.com/collaborative-action-networks/career-readiness-2/talent-hub/","Richmond Talent Hub (designation by Lumina with Kresge, Sept 2017); Bridging Richmond is the lead partnership"),
("fsg","grantmakers-for-effective-organizations","partners_with","","","https://fsg.org/blog/investing-change-implementing-collective-impact","FSG and GEO co-hosted the Investing in Change webinar on funders' roles in collective impact"),
("strivetogether","baltimore-s-promise","funds","","","https://porcupine-raspberry-684a.squarespace.com/news-blog/strivetogether-impact","Baltimore's Promise received a $3.6M StriveTogether investment (Transform Impact, 2024); page on Baltimore's Promise's own Squarespace site"),
("strivetogether","building-our-future","funds","2020","","https://www.globenewswire.com/news-release/2020/04/14/2015864/0/en/StriveTogether-supports-local-community-leaders-to-get-better-results-for-kids.html","April 2020 Strategic Initiatives grant to the Kenosha, Wis. community (Building Our Future is the Kenosha network member)"),
("strivetogether","better-together-central-oregon","funds","2020","","https://www.globenewswire.com/news-release/2020/04/14/2015864/0/en/StriveTogether-supports-local-community-leaders-to-get-better-results-for-kids.html","April 2020 Strategic Initiatives grant to the Redmond, Ore. community (Better Together Central Oregon is the network member there)"),
("strivetogether","impacttulsa","funds","2020","","https://www.globenewswire.com/news-release/2020/04/14/2015864/0/en/StriveTogether-supports-local-community-leaders-to-get-better-results-for-kids.html","April 2020 Strategic Initiatives grant to the Tulsa, Okla. community (ImpactTulsa is the network member there)"),
("learn-to-earn-dayton","campaign-for-grade-level-reading","member_of","","","https://daytondailynews.com/news/local-education/local-group-one-agencies-win-national-education-honor/JhSpbSQ92BfstGqJRAlVFI","Dayton-Montgomery County Pacesetter honour named Learn to Earn Dayton's work; it partners with the Campaign"),
("equal-measure","opportunity-youth-incentive-fund","evaluates","","","https://aspencommunitysolutions.org/report/opportunity-youth-incentive-fund-annual-evaluation-report-year-3","Equal Measure wrote the independent Opportunity Youth Incentive Fund annual evaluation reports (year 3 released July 2018)"),
("equal-measure","aspen-institute-forum-for-community-solutions","evaluates","","","https://www.aspeninstitute.org/publications/the-opportunity-youth-forum-forging-a-national-network-to-advance-equitable-systems-change/","independent evaluators Equal Measure evaluated the Forum's Opportunity Youth Forum network (2021 report)"),
("forum-for-youth-investment","aspen-institute-forum-for-community-solutions","partners_with","","","https://aspencommunitysolutions.org/national-opportunity-youth-organizations-year-in-review-and-2018-goals","both co-convene the Opportunity Youth Network with Gap Inc."),
("jobs-for-the-future","opportunity-youth-incentive-fund","advises","2013","","http://www.aspeninstitute.org/policy-work/community-solutions/opportunity-youth-incentive-fund/faq","Aspen Forum vetted the communities invited to the 2013 OYIF solicitation in collaboration with JFF"),
("corporation-for-national-and-community-service-social-innovation-fund","united-way-of-greater-cincinnati","funds","","","https://nkythrives.com/inthenews/102910UWstriveawardnonprofits.aspx","$2M Social Innovation Fund award behind the cradle-to-career fund that United Way and Strive manage"),
("united-way-of-greater-cincinnati","strivepartnership","partners_with","","","https://nkythrives.com/inthenews/102910UWstriveawardnonprofits.aspx","United Way and Strive jointly manage the local Social Innovation Fund for cradle-to-career grants"),
("washington-stem","mid-columbia-stem-network","funds","","","http://www.nbcrightnow.com/story/26480745/the-washington-state-stem-education-foundation-gets-200000-to-spread-the-success","Washington STEM granted $200,000 to launch the Mid-Columbia STEM Network"),
("bill-melinda-gates-foundation","washington-stem","funds","","","https://www.impatientoptimists.org/Posts/2011/03/Washington-STEM-Grants-Attract-More-Students-to-Sciences-Math-and-Technology","Gates Foundation blog on the 2011 launch says the foundation supports Washington STEM"),
("bill-melinda-gates-foundation","say-yes-buffalo","funds","2019","2021","https://education-first.com/insights/our-publications/we-refuse-to-lose-report-to-philanthropy","Gates supported five community partnerships 2019-2021; page names Buffalo, whose profiled partnership in the series is Say Yes Buffalo"),
("bill-melinda-gates-foundation","the-commit-partnership","funds","2019","2021","https://education-first.com/insights/our-publications/we-refuse-to-lose-report-to-philanthropy","Gates supported five community partnerships 2019-2021; page names Dallas, whose profiled partnership in the series is the Commit Partnership"),
("bill-melinda-gates-foundation","chattanooga-2-0","funds","2019","2021","https://education-first.com/insights/our-publications/we-refuse-to-lose-report-to-philanthropy","Gates supported five community partnerships 2019-2021; page names Chattanooga, whose profiled anchor is Chattanooga 2.0"),
("bill-melinda-gates-foundation","rgv-focus","funds","2019","2021","https://education-first.com/insights/our-publications/we-refuse-to-lose-report-to-philanthropy","Gates supported five community partnerships 2019-2021; page names the Rio Grande Valley, whose profiled initiative is RGV FOCUS"),
("education-redesign-lab-harvard-graduate-school-of-education","forum-for-youth-investment","partners_with","2018","","http://edredesign.org/activities/lab-hosts-convening-local-childrens-cabinets","jointly sponsored the July 2018 convening of local children's cabinets"),
("a-way-home-for-tulsa","community-solutions","member_of","","","https://www.zerotulsa.com/stronger-together/","Tulsa Area United Way CEO names A Way Home for Tulsa's Built for Zero initiative to end chronic homelessness"),
("united-way-of-anchorage","90-by-2020-anchorage","founded","","","http://www.alaskajournal.com/business-and-finance/2014-08-13/90-2020-report-shows-progress-raising-graduation-rates","United Way of Anchorage launched the 90% by 2020 campaign"),
("w-k-kellogg-foundation","indianola-promise-community","funds","2011","","https://deltahealthalliance.org/pressmedia/delta-health-alliance-receives-5-million-grant/","$5M three-year Kellogg grant to Delta Health Alliance for early childhood work of the Indianola Promise Community (May 2011)"),
("delta-health-alliance","indianola-promise-community","backbone_of","","","https://deltahealthalliance.org/pressmedia/promise-community-planning-grant/","Delta Health Alliance sponsors the Indianola Promise Community and won its 2010 planning grant"),
("jobs-for-the-future","hartford-opportunity-youth-collaborative","funds","","","https://youthreconnect.org/hartford-highlighted-in-national-report","Opportunity Works Hartford supported by the Social Innovation Fund as a subgrantee of JFF"),
("aspen-institute-forum-for-community-solutions","hartford-opportunity-youth-collaborative","funds","","","https://youthreconnect.org/hartford-highlighted-in-national-report","Aspen Forum for Community Solutions named among supporters of Opportunity Works Hartford, an initiative of the collaborative"),
("corporation-for-national-and-community-service-social-innovation-fund","hartford-opportunity-youth-collaborative","funds","","","https://youthreconnect.org/hartford-highlighted-in-national-report","Social Innovation Fund support (through JFF) for Opportunity Works Hartford"),
("say-yes-to-education","say-yes-guilford","founded","2015","","https://sayyestoeducation.org/uncategorized/promise-case-study-say-yes-education-buffalo/","Guilford County (2015) named as one of Say Yes's community-wide chapters"),
("say-yes-to-education","say-yes-buffalo","funds","","","https://sayyestoeducation.org/uncategorized/promise-case-study-say-yes-education-buffalo/","Say Yes to Education committed to invest $15M in the Say Yes Buffalo partnership"),
("melville-charitable-trust","reaching-home-campaign","partners_with","","","https://melvilletrust.org/work/reachinghome/","Melville Trust presents the Reaching Home Campaign among its own work on ending homelessness in Connecticut"),
("the-kresge-foundation","futuremakers-coalition","funds","","","https://floridacommunity.com/opportunity-in-crisis/","FutureMakers earned a Talent Hub designation from the Lumina and Kresge foundations in 2020"),
("robert-wood-johnson-foundation","trenton-health-team","funds","","","https://trentonhealthteam.org/robert-wood-johnson-foundation-grant-enables-trenton-health-team-to-provide-training-in-trauma-informed-care/","two-year $300,000 RWJF grant for trauma-informed care training"),
("the-kresge-foundation","mission-graduate","funds","","","https://groundworksnm.org/news/mission-graduate-talent-hub-receives-350000-funding/2017-9-26","Albuquerque Talent Hub led by Mission: Graduate; its $350,000 provided by Lumina and Kresge (Sept 2017 announcement)"),
("the-kresge-foundation","rgv-focus","funds","","","https://riograndeguardian.com/education-foundations-designate-rgv-as-a-talent-hub/","Lumina with Kresge designated the Rio Grande Valley a Talent Hub ($275,000); RGV FOCUS speaks for the designated community"),
("education-redesign-lab-harvard-graduate-school-of-education","mission-economic-development-agency","evaluates","","","https://missionpromise.org/category/promise-neighborhoods/","EdRedesign documented MEDA's development and impact in a published case study"),
("collective-impact-forum","livewell-colorado","evaluates","2016","","http://collectiveimpactforum.org/tags/backbone","LiveWell Colorado among the seven initiatives in the Forum's 2016 interview series with experienced backbone leaders"),
("collective-impact-forum","communities-that-care-coalition","evaluates","2016","","http://collectiveimpactforum.org/tags/backbone","Communities That Care among the seven initiatives in the Forum's 2016 interview series with experienced backbone leaders"),
("collective-impact-forum","san-diego-county-childhood-obesity-initiative","evaluates","2016","","http://collectiveimpactforum.org/tags/backbone","San Diego County Childhood Obesity Initiative among the seven initiatives in the Forum's 2016 backbone-leader interview series"),
("the-annie-e-casey-foundation","strivetogether","funds","2015","","https://www.insidephilanthropy.com/home/2015/4/30/team-education-these-funders-want-to-push-collective-impact.html","Casey among the funders pledging support to StriveTogether's Cradle to Career Accelerator Fund (2015)"),
("knowledgeworks","strivetogether","funds","2015","","https://www.insidephilanthropy.com/home/2015/4/30/team-education-these-funders-want-to-push-collective-impact.html","KnowledgeWorks among the funders pledging support to the Accelerator Fund; StriveTogether then a KnowledgeWorks subsidiary"),
]
def load():
    orgs = set(pd.read_csv(DATA/'organisations.csv', dtype=str).id)
    for f in glob.glob(str(DATA/'research/2.1/*/organisations.csv')):
        orgs |= set(pd.read_csv(f, dtype=str).id)
    seen = set()
    for f in [DATA/'relationships.csv'] + [Path(p) for p in glob.glob(str(DATA/'research/2.1/*/relationships.csv')) if 'links-us' not in p]:
        for r in pd.read_csv(f, dtype=str).fillna('').itertuples():
            seen.add((r.source_id, r.target_id, r.relation))
    return orgs, seen
if __name__ == '__main__':
    orgs, seen = load()
    out = []
    mine = set()
    for s, t, rel, since, until, src, note in LINKS:
        assert s in orgs, s
        assert t in orgs, t
        keys = {(s, t, rel)} | ({(t, s, rel)} if rel == 'partners_with' else set())
        if keys & (seen | mine):
            print('DUPLICATE', s, rel, t); continue
        mine |= keys
        out.append(dict(source_id=s, target_id=t, relation=rel, since=since, until=until, source=src, checked=C, note=note))
    with open(HERE/'relationships.csv', 'w', newline='') as fh:
        w = csv.DictWriter(fh, fieldnames=['source_id','target_id','relation','since','until','source','checked','note'])
        w.writeheader(); w.writerows(out)
    from collections import Counter
    print(len(out), Counter(r['relation'] for r in out))
