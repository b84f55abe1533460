"""languages: translations of the data admins write (area labels, self-assessment categories, questions and
scales) in French, Spanish and Arabic, seeded for the shipped areas and questionnaire

Revision ID: 0012_languages
Revises: 0010_coverage_cube
Create Date: 2026-12-02 07:45:00

"""
import datetime

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012_languages'
down_revision = '0014_coverage'
branch_labels = None
depends_on = None

SUBJECTS = ("activity_areas.label", "assessment_categories.label", "assessment_questions.text",
            "assessment_questions.scale")

# (table, code) -> {locale: text}, for the rows the earlier migrations seeded; an admin changes them later.
AREAS = {
    "research": {"fr": "Services d'analyse et de recherche", "es": "Servicios de análisis e investigación",
                 "ar": "خدمات التحليل والبحث"},
    "advocacy": {"fr": "Plaidoyer", "es": "Promoción", "ar": "المناصرة"},
    "awareness": {"fr": "Sensibilisation et coordination", "es": "Sensibilización y coordinación",
                  "ar": "التوعية والتنسيق"},
    "information": {"fr": "Services d'information", "es": "Servicios de información", "ar": "خدمات المعلومات"},
}
CATEGORIES = {
    "oversight": {"fr": "Supervision et gestion des TIC", "es": "Supervisión y gestión de las TIC",
                  "ar": "الإشراف على تكنولوجيا المعلومات والاتصالات وإدارتها"},
    "infrastructure": {"fr": "Infrastructure, services, applications et formation",
                       "es": "Infraestructura, servicios, aplicaciones y formación",
                       "ar": "البنية التحتية والخدمات والتطبيقات والتدريب"},
    "documents": {"fr": "Systèmes et normes des documents législatifs",
                  "es": "Sistemas y normas de documentos legislativos",
                  "ar": "نظم الوثائق التشريعية ومعاييرها"},
    "library": {"fr": "Services de bibliothèque et de recherche", "es": "Servicios de biblioteca e investigación",
                "ar": "خدمات المكتبة والبحوث"},
    "website": {"fr": "Site web du parlement", "es": "Sitio web parlamentario", "ar": "الموقع الإلكتروني للبرلمان"},
    "communication": {"fr": "Communication entre les citoyens et le parlement",
                      "es": "Comunicación entre la ciudadanía y el parlamento",
                      "ar": "التواصل بين المواطنين والبرلمان"},
    "cooperation": {"fr": "Coopération interparlementaire", "es": "Cooperación interparlamentaria",
                    "ar": "التعاون البرلماني الدولي"},
}
SCALE = {"fr": "0 = aucun | 1 = prévu | 2 = en cours | 3 = en place | 4 = avancé",
         "es": "0 = ninguno | 1 = previsto | 2 = en curso | 3 = implantado | 4 = avanzado",
         "ar": "0 = لا يوجد | 1 = مخطط له | 2 = قيد التنفيذ | 3 = قائم | 4 = متقدم"}
QUESTIONS = {
    "oversight_strategy": {
        "fr": "Le parlement dispose-t-il d'un plan stratégique TIC approuvé par ses instances dirigeantes ?",
        "es": "¿Cuenta el parlamento con un plan estratégico de TIC aprobado por sus órganos de dirección?",
        "ar": "هل لدى البرلمان خطة استراتيجية لتكنولوجيا المعلومات والاتصالات أقرّتها قيادته؟"},
    "oversight_governance": {
        "fr": "Un organe composé de parlementaires et de hauts fonctionnaires supervise-t-il les TIC ?",
        "es": "¿Supervisa las TIC un órgano integrado por parlamentarios y altos funcionarios?",
        "ar": "هل تشرف على تكنولوجيا المعلومات والاتصالات هيئة من الأعضاء وكبار الموظفين؟"},
    "oversight_budget": {
        "fr": "Les TIC disposent-elles d'un budget propre, planifié sur plusieurs années ?",
        "es": "¿Disponen las TIC de un presupuesto propio, planificado a varios años?",
        "ar": "هل لتكنولوجيا المعلومات والاتصالات ميزانية خاصة بها مخططة لعدة سنوات؟"},
    "infra_network": {
        "fr": "Les parlementaires et le personnel disposent-ils au parlement d'un accès fiable au réseau et à Internet ?",
        "es": "¿Tienen los parlamentarios y el personal un acceso fiable a la red y a Internet en el parlamento?",
        "ar": "هل يتمتع الأعضاء والموظفون بإمكانية موثوقة للوصول إلى الشبكة والإنترنت داخل البرلمان؟"},
    "infra_applications": {
        "fr": "Les travaux en séance plénière, en commission et administratifs sont-ils appuyés par des applications ?",
        "es": "¿Se apoyan en aplicaciones los trabajos del pleno, de las comisiones y de la administración?",
        "ar": "هل تدعم التطبيقات أعمال الجلسات العامة واللجان والأعمال الإدارية؟"},
    "infra_training": {
        "fr": "Une formation aux TIC est-elle proposée régulièrement aux parlementaires et au personnel ?",
        "es": "¿Se ofrece regularmente formación en TIC a los parlamentarios y al personal?",
        "ar": "هل يُقدَّم تدريب منتظم على تكنولوجيا المعلومات والاتصالات للأعضاء والموظفين؟"},
    "infra_security": {
        "fr": "La sécurité de l'information et la continuité des activités sont-elles planifiées et testées ?",
        "es": "¿Se planifican y ponen a prueba la seguridad de la información y la continuidad de las operaciones?",
        "ar": "هل يُخطَّط لأمن المعلومات واستمرارية العمل ويُختبران؟"},
    "docs_system": {
        "fr": "Les projets de loi et les amendements sont-ils rédigés et gérés dans un système de gestion documentaire ?",
        "es": "¿Se redactan y gestionan los proyectos de ley y las enmiendas en un sistema de gestión documental?",
        "ar": "هل تُصاغ مشاريع القوانين والتعديلات وتُدار في نظام لإدارة الوثائق؟"},
    "docs_xml": {
        "fr": "Les documents législatifs sont-ils produits dans un format structuré ouvert (par ex. XML, Akoma Ntoso) ?",
        "es": "¿Se elaboran los documentos legislativos en un formato estructurado abierto (p. ej., XML, Akoma Ntoso)?",
        "ar": "هل تُنتَج الوثائق التشريعية بصيغة مهيكلة مفتوحة (مثل XML أو Akoma Ntoso)؟"},
    "docs_archive": {
        "fr": "Existe-t-il une archive numérique des documents législatifs avec une conservation à long terme ?",
        "es": "¿Existe un archivo digital de los documentos legislativos con conservación a largo plazo?",
        "ar": "هل يوجد أرشيف رقمي للوثائق التشريعية يضمن حفظها على المدى الطويل؟"},
    "library_catalogue": {
        "fr": "Le catalogue de la bibliothèque et les travaux de recherche sont-ils disponibles sous forme électronique ?",
        "es": "¿Están disponibles en formato electrónico el catálogo de la biblioteca y los trabajos de investigación?",
        "ar": "هل يتوفر فهرس المكتبة ونتاج البحوث بشكل إلكتروني؟"},
    "library_research": {
        "fr": "Les services de recherche utilisent-ils des sources et outils numériques pour répondre aux demandes des parlementaires ?",
        "es": "¿Utilizan los servicios de investigación fuentes y herramientas digitales para atender las solicitudes de los parlamentarios?",
        "ar": "هل تستخدم خدمات البحوث مصادر وأدوات رقمية للرد على طلبات الأعضاء؟"},
    "website_content": {
        "fr": "Le site web publie-t-il en temps utile les projets de loi, les votes, les débats et les travaux des commissions ?",
        "es": "¿Publica el sitio web oportunamente los proyectos de ley, las votaciones, los debates y el trabajo de las comisiones?",
        "ar": "هل ينشر الموقع الإلكتروني مشاريع القوانين والتصويتات والمناقشات وأعمال اللجان في الوقت المناسب؟"},
    "website_access": {
        "fr": "Le site web respecte-t-il les normes d'accessibilité et est-il proposé dans les langues nationales ?",
        "es": "¿Cumple el sitio web las normas de accesibilidad y se ofrece en los idiomas nacionales?",
        "ar": "هل يستوفي الموقع الإلكتروني معايير إمكانية الوصول ويتوفر باللغات الوطنية؟"},
    "website_open_data": {
        "fr": "L'information parlementaire est-elle publiée sous forme de données ouvertes ?",
        "es": "¿Se publica la información parlamentaria como datos abiertos?",
        "ar": "هل تُنشر المعلومات البرلمانية في شكل بيانات مفتوحة؟"},
    "comm_channels": {
        "fr": "Les citoyens peuvent-ils contacter les parlementaires et les commissions par des canaux numériques ?",
        "es": "¿Pueden los ciudadanos contactar a los parlamentarios y las comisiones por canales digitales?",
        "ar": "هل يمكن للمواطنين التواصل مع الأعضاء واللجان عبر قنوات رقمية؟"},
    "comm_participation": {
        "fr": "Les citoyens peuvent-ils participer à des consultations ou commenter les projets de loi en ligne ?",
        "es": "¿Pueden los ciudadanos participar en consultas o comentar proyectos de ley en línea?",
        "ar": "هل يمكن للمواطنين المشاركة في المشاورات أو التعليق على مشاريع القوانين عبر الإنترنت؟"},
    "comm_broadcast": {
        "fr": "Les séances plénières et les réunions des commissions sont-elles retransmises ou diffusées en direct ?",
        "es": "¿Se transmiten o difunden en directo las sesiones plenarias y las reuniones de las comisiones?",
        "ar": "هل تُبث الجلسات العامة واجتماعات اللجان أو تُنقل مباشرة؟"},
    "coop_networks": {
        "fr": "Le personnel TIC participe-t-il à des réseaux ou échanges interparlementaires ?",
        "es": "¿Participa el personal de TIC en redes o intercambios interparlamentarios?",
        "ar": "هل يشارك موظفو تكنولوجيا المعلومات والاتصالات في شبكات أو تبادلات برلمانية دولية؟"},
    "coop_sharing": {
        "fr": "Le parlement partage-t-il ou réutilise-t-il des solutions, des normes ou des experts avec d'autres ?",
        "es": "¿Comparte o reutiliza el parlamento soluciones, normas o expertos con otros?",
        "ar": "هل يتبادل البرلمان مع غيره الحلول أو المعايير أو الخبراء أو يعيد استخدامها؟"},
}
ENGLISH_SCALE = "0 = none | 1 = planned | 2 = in progress | 3 = in place | 4 = advanced"


def upgrade():
    op.create_table('content_translations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('locale', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("subject IN ('activity_areas.label', 'assessment_categories.label', 'assessment_questions.text', 'assessment_questions.scale')", name=op.f('ck_content_translations_subject_known')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_content_translations')),
    sa.UniqueConstraint('subject', 'row_id', 'locale', name=op.f('uq_content_translations_subject_row_id_locale'))
    )
    seed()


def seed():
    """The shipped areas' and questionnaire's texts, matched by code (rows an admin removed are skipped; a
    question whose scale was changed keeps its own, untranslated, scale)."""
    connection = op.get_bind()
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    rows = []

    def ids(table):
        return dict(connection.execute(sa.text(f"SELECT code, id FROM {table}")).all())  # noqa: S608 (fixed names)

    for table, column, texts in (("activity_areas", "label", AREAS), ("assessment_categories", "label", CATEGORIES),
                                 ("assessment_questions", "text", QUESTIONS)):
        found = ids(table)
        rows += [{"subject": f"{table}.{column}", "row_id": found[code], "locale": locale, "text": text}
                 for code, by_locale in texts.items() if code in found for locale, text in by_locale.items()]
    scaled = connection.execute(sa.text("SELECT id FROM assessment_questions WHERE scale = :scale"),
                                {"scale": ENGLISH_SCALE}).scalars().all()
    rows += [{"subject": "assessment_questions.scale", "row_id": qid, "locale": locale, "text": text}
             for qid in scaled for locale, text in SCALE.items()]
    table = sa.table("content_translations", sa.column("subject", sa.String), sa.column("row_id", sa.Integer),
                     sa.column("locale", sa.String), sa.column("text", sa.Text), sa.column("updated_at", sa.DateTime))
    if rows:
        connection.execute(table.insert(), [{**row, "updated_at": now} for row in rows])


def downgrade():
    op.drop_table('content_translations')
