<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../annotator/gui/actions.py" line="43" />
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="44" />
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="46" />
        <source>Open project on a ser&amp;ver…</source>
        <translation>打开服务器上的项目(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="49" />
        <source>&amp;Import article files…</source>
        <translation>导入文章文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="54" />
        <source>Import article &amp;folder…</source>
        <translation>导入文章文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="58" />
        <source>&amp;Export labeled data…</source>
        <translation>导出标注数据(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="59" />
        <source>&amp;Merge project…</source>
        <translation>合并项目(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="60" />
        <source>&amp;Save a copy for merging…</source>
        <translation>保存副本以供合并(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="61" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="62" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="63" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="64" />
        <source>&amp;Find articles…</source>
        <translation>查找文章(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="65" />
        <source>&amp;Clear labels</source>
        <translation>清除标签(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="67" />
        <source>Confirm and &amp;next undecided</source>
        <translation>确认并跳到下一未判定句(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="69" />
        <source>Flip &amp;boilerplate</source>
        <translation>切换模板文字标记(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="71" />
        <source>&amp;Remove selected span</source>
        <translation>删除选中片段(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="73" />
        <source>Edit &amp;note</source>
        <translation>编辑备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Accept suggestions</source>
        <translation type="vanished">接受建议(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="77" />
        <source>&amp;Accept suggestions, confirm and next undecided</source>
        <translation>接受建议、确认并到下一未定句(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="84" />
        <source>Accept suggestions &amp;without confirming</source>
        <translation>只接受建议，不确认(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="91" />
        <source>Accept suggested article &amp;fields</source>
        <translation>采纳建议的文章字段(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="98" />
        <source>Re&amp;ject suggestions</source>
        <translation>拒绝建议(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="105" />
        <source>&amp;Next sentence</source>
        <translation>下一句(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="113" />
        <source>&amp;Previous sentence</source>
        <translation>上一句(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="121" />
        <source>Next article with &amp;undecided sentences</source>
        <translation>下一篇有未判定句子的文章(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="125" />
        <source>P&amp;revious article</source>
        <translation>上一篇文章(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="127" />
        <source>&amp;Hide boilerplate</source>
        <translation>隐藏模板文字(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="130" />
        <source>&amp;Guidelines</source>
        <translation>标注规范(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="133" />
        <source>Show &amp;suggestions</source>
        <translation>显示建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="138" />
        <source>&amp;Review mode (disagreements → gold)</source>
        <translation>审核模式(分歧 → 金标准)(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="143" />
        <source>Agreement &amp;dashboard…</source>
        <translation>一致性仪表板(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="144" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="145" />
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="147" />
        <source>&amp;Retrain model and refresh suggestions</source>
        <translation>重新训练模型并刷新建议(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="149" />
        <source>&amp;Uncertain first</source>
        <translation>最不确定优先(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="150" />
        <source>&amp;Learning curve…</source>
        <translation>学习曲线(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="154" />
        <source>&amp;Switch annotator…</source>
        <translation>切换标注员(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="159" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="161" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="173" />
        <source>Toggle %s (or span from selection)</source>
        <translation>切换“%s”(有选中文字时添加片段)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="184" />
        <source>Exact %s span (no snapping)</source>
        <translation>精确的“%s”片段(不对齐词语)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="22" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="22" />
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="44" />
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="51" />
        <source>Annotator projects (*.db)</source>
        <translation>标注项目 (*.db)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="28" />
        <source>Label schema (Cancel for the default schema)</source>
        <translation>标签方案(取消则使用默认方案)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="30" />
        <source>Label schemas (*.toml)</source>
        <translation>标签方案 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="37" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="37" />
        <source>Annotator projects (*.db);;All files (*)</source>
        <translation>标注项目 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="44" />
        <source>Merge another project into this one</source>
        <translation>把另一个项目合并进来</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="51" />
        <source>Save a copy for merging</source>
        <translation>保存副本以供合并</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="59" />
        <source>Import articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="61" />
        <source>Articles (*.txt *.html *.htm *.jsonl);;All files (*)</source>
        <translation>文章 (*.txt *.html *.htm *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="70" />
        <source>Article too large</source>
        <translation>文章过大</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="71" />
        <source>Split it at blank lines into several articles and import?</source>
        <translation>按空行拆分为多篇文章后导入？</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="79" />
        <source>Import a folder of articles</source>
        <translation>导入文章文件夹</translation>
    </message>
</context>
<context>
    <name>ArticleHints</name>
    <message>
        <location filename="../../annotator/gui/widgets/article_hints.py" line="34" />
        <source>Accept (Ctrl+Enter)</source>
        <translation>采纳 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/article_hints.py" line="46" />
        <source>Suggested: %s</source>
        <translation>建议:%s</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="48" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="49" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="50" />
        <source>Sent.</source>
        <translation>句数</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="51" />
        <source>Done</source>
        <translation>已判定</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="52" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="136" />
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="137" />
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="138" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>CurveChart</name>
    <message>
        <location filename="../../annotator/gui/widgets/learning.py" line="116" />
        <source>training sentences</source>
        <translation>训练句数</translation>
    </message>
</context>
<context>
    <name>CurveDialog</name>
    <message>
        <location filename="../../annotator/gui/widgets/learning.py" line="143" />
        <source>Learning curve</source>
        <translation>学习曲线</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/learning.py" line="147" />
        <source>Cross-validated F1 (folds by article) when training on a growing share of the annotated sentences. A curve still rising means more annotation pays.</source>
        <translation>按文章分折交叉验证的 F1,训练数据逐步增加。曲线仍在上升,说明继续标注仍有收益。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../annotator/gui/widgets/dashboard.py" line="21" />
        <source>Agreement dashboard</source>
        <translation>一致性仪表板</translation>
    </message>
    <message>
        <source>%d sentences decided by two or more of: %s. Overall Krippendorff's alpha %s, MASI %s.</source>
        <translation type="vanished">%d 个句子由以下至少两人判定:%s。总体 Krippendorff's alpha %s,MASI %s。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/widgets/dashboard.py" line="43" />
        <source>%n sentence(s) decided by two or more of: %s. Overall Krippendorff's alpha %s, MASI %s.</source>
        <translation><numerusform>%n 个句子由以下至少两人判定:%s。总体 Krippendorff's alpha %s,MASI %s。</numerusform></translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/dashboard.py" line="58" />
        <source>Agreement per label (Krippendorff's alpha)</source>
        <translation>各标签一致性(Krippendorff's alpha)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/dashboard.py" line="67" />
        <source>Agreement per annotator pair (Cohen's kappa, label sets)</source>
        <translation>各标注员两两一致性(Cohen's kappa,标签集合)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/dashboard.py" line="73" />
        <source>Open disagreements per article</source>
        <translation>各文章待处理分歧</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/dashboard.py" line="78" />
        <source>Labels per annotator (decided sentences)</source>
        <translation>各标注员的标签数(已判定句子)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../annotator/gui/errors.py" line="22" />
        <source>annotator: error</source>
        <translation>annotator:出错</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/errors.py" line="28" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="58" />
        <source>Export labeled data</source>
        <translation>导出标注数据</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="63" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="65" />
        <source>sentence labels</source>
        <translation>句子标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="66" />
        <source>spans</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="67" />
        <source>Prodigy/doccano task</source>
        <translation>Prodigy/doccano 任务</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="69" />
        <source>all annotators</source>
        <translation>全部标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="70" />
        <source>gold (adjudicated)</source>
        <translation>金标准(已裁定)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="73" />
        <source>Whose annotations</source>
        <translation>谁的标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="83" />
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="85" />
        <source>one line per sentence</source>
        <translation>每句一行</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="86" />
        <source>one line per article</source>
        <translation>每篇文章一行</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="87" />
        <source>Unit (own format)</source>
        <translation>单位(自有格式)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="88" />
        <source>include undecided sentences</source>
        <translation>包括未判定的句子</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="92" />
        <source>Split by article (optional)</source>
        <translation>按文章划分(可选)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="95" />
        <source>Split seed</source>
        <translation>划分随机种子</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="100" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="104" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/export_dialog.py" line="113" />
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../annotator/gui/widgets/fields.py" line="84" />
        <source>suggested: %s</source>
        <translation>建议:%s</translation>
    </message>
</context>
<context>
    <name>FormPanel</name>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="87" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="101" />
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="149" />
        <source>Spans</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="153" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="153" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="164" />
        <source>Select text in the article and press a label key to add a span (snapped to words; hold Alt for exact characters).</source>
        <translation>在文章中选中文字后按标签键即可添加片段(自动对齐词语;按住 Alt 则精确到字)。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="175" />
        <location filename="../../annotator/gui/widgets/form_panel.py" line="329" />
        <source>Remove span</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="185" />
        <source>Note (why, doubts, questions for the reviewer)</source>
        <translation>备注(理由、疑问、给审核人的问题)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="192" />
        <source>Decided (Enter confirms and moves on)</source>
        <translation>已判定(Enter 确认并继续)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="335" />
        <source>Toggle label</source>
        <translation>切换标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="342" />
        <source>Edit field</source>
        <translation>编辑字段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="350" />
        <source>Edit span field</source>
        <translation>编辑片段字段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="372" />
        <source>Edit note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="381" />
        <source>Set decided</source>
        <translation>设置已判定</translation>
    </message>
</context>
<context>
    <name>GuidelinesDock</name>
    <message>
        <location filename="../../annotator/gui/widgets/guidelines_dock.py" line="17" />
        <source>Guidelines</source>
        <translation>标注规范</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="98" />
        <source>Search titles and text (Ctrl+F)</source>
        <translation>搜索标题和正文 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="107" />
        <source>All articles</source>
        <translation>全部文章</translation>
    </message>
    <message>
        <source>%s label · 0 clear · Enter confirm · J/K move · N/P article · B boilerplate · ? keys</source>
        <translation type="vanished">%s 标签 · 0 清除 · Enter 确认 · J/K 移动 · N/P 文章 · B 模板文字 · ? 快捷键</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="210" />
        <source>%s label · 0 clear · Enter confirm · Space accept · J/K move · N/P article · B boilerplate · ? keys</source>
        <translation>%s 标签 · 0 清除 · Enter 确认 · 空格 采纳 · J/K 移动 · N/P 文章 · B 模板文字 · ? 快捷键</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="223" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="224" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="225" />
        <source>&amp;Annotate</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="226" />
        <source>&amp;Navigate</source>
        <translation>导航(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="227" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="228" />
        <source>&amp;Learn</source>
        <translation>学习(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="229" />
        <source>A&amp;nnotator</source>
        <translation>标注员(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="230" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="239" />
        <source>Open &amp;recent</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/status_bar.py" line="35" />
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/status_bar.py" line="57" />
        <source>Written to %s</source>
        <translation>已写入 %s</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/status_bar.py" line="75" />
        <source>Annotator: %s</source>
        <translation>标注员:%s</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/status_bar.py" line="27" />
        <location filename="../../annotator/gui/widgets/status_bar.py" line="77" />
        <source>● unsaved</source>
        <translation>● 未保存</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/status_bar.py" line="27" />
        <location filename="../../annotator/gui/widgets/status_bar.py" line="80" />
        <source>✓ saved %s</source>
        <translation>✓ 已保存 %s</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/status_bar.py" line="82" />
        <source>✓ all saved</source>
        <translation>✓ 全部已保存</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/status_bar.py" line="85" />
        <source>Article %s · project %d/%d</source>
        <translation>本文 %s · 项目 %d/%d</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/annotate.py" line="53" />
        <source>No other article has undecided sentences.</source>
        <translation>没有其他文章还有未判定的句子。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/annotate.py" line="88" />
        <source>A span must lie inside one sentence.</source>
        <translation>片段必须位于同一个句子之内。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/annotate.py" line="96" />
        <source>Toggle label</source>
        <translation>切换标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/annotate.py" line="134" />
        <source>Add span</source>
        <translation>添加片段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/annotate.py" line="139" />
        <source>Clear labels</source>
        <translation>清除标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/annotate.py" line="156" />
        <source>Confirm sentence</source>
        <translation>确认句子</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/annotate.py" line="162" />
        <source>Every sentence of this article is decided. N goes to the next article.</source>
        <translation>本文所有句子都已判定。按 N 进入下一篇文章。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/annotate.py" line="179" />
        <source>No suggested article fields.</source>
        <translation>没有建议的文章字段。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/annotate.py" line="200" />
        <source>Suggestions not accepted: %s</source>
        <translation>未接受建议：%s</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/annotate.py" line="202" />
        <location filename="../../annotator/gui/operations/annotate.py" line="225" />
        <source>No suggestions for this sentence.</source>
        <translation>本句没有建议。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/display.py" line="78" />
        <source>About annotator</source>
        <translation>关于 annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/display.py" line="79" />
        <source>annotator %s — an annotation workbench for Chinese news and publicity.</source>
        <translation>annotator %s——中文新闻与宣传文本标注工作台。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/review_learning.py" line="112" />
        <source>Computing the learning curve…</source>
        <translation>正在计算学习曲线…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/projects.py" line="193" />
        <source>Another job is still running.</source>
        <translation>另一项任务仍在运行。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/review_learning.py" line="96" />
        <source>Training the model in the background…</source>
        <translation>正在后台训练模型…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/review_learning.py" line="88" />
        <source>Model %s trained on %d sentences; %d suggestions refreshed.</source>
        <translation>模型 %s 已用 %d 个句子训练;已刷新 %d 条建议。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/review_learning.py" line="97" />
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/review_learning.py" line="50" />
        <source>Agreement dashboard</source>
        <translation>一致性仪表板</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/review_learning.py" line="113" />
        <source>Learning curve failed</source>
        <translation>学习曲线计算失败</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/projects.py" line="103" />
        <source>On %s you annotate as your login, %s, not %s: the server lets each login write only its own layer.</source>
        <translation>在 %s 上您以登录名 %s（而非 %s）标注：服务器只允许每个登录名写入自己的标注层。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/projects.py" line="132" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/projects.py" line="133" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/projects.py" line="150" />
        <source>Saved a copy for merging: %s</source>
        <translation>已保存副本以供合并：%s</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/projects.py" line="162" />
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/projects.py" line="163" />
        <source>Merge failed</source>
        <translation>合并失败</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/projects.py" line="246" />
        <source>Importing articles…</source>
        <translation>正在导入文章…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/projects.py" line="246" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/projects.py" line="257" />
        <source>Importing articles… %d of %d files</source>
        <translation>正在导入文章… 第 %d / %d 个文件</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/operations/projects.py" line="278" />
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/sync.py" line="165" />
        <source>Waiting for the database (another program is writing)…</source>
        <translation>正在等待数据库(另一个程序正在写入)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/sync.py" line="173" />
        <source>Undo again (Ctrl+Z) to undo yours over it.</source>
        <translation>再次撤销(Ctrl+Z)可在其上撤销您的修改。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/sync.py" line="175" />
        <source>Redo (Ctrl+Shift+Z) applies yours over it.</source>
        <translation>重做(Ctrl+Shift+Z)可将您的修改应用于其上。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/sync.py" line="176" />
        <source>Not saved: another window changed %s of this sentence; it shows that version now.</source>
        <translation>未保存：另一个窗口修改了本句的%s；现在显示的是该版本。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/open_guard.py" line="66" />
        <source>The app stopped while opening article %d last time; it was not reopened. Open it from the list to try again.</source>
        <translation>上次打开第 %d 篇文章时程序意外退出，本次未重新打开。可从列表中打开再试。</translation>
    </message>
</context>
<context>
    <name>ProjectSession</name>
    <message>
        <location filename="../../annotator/gui/session.py" line="174" />
        <source>Accept suggestions</source>
        <translation>接受建议</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/annotator_dialog.py" line="16" />
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/annotator_dialog.py" line="17" />
        <source>Your name (each annotator has their own layer):</source>
        <translation>你的名字(每位标注员有自己的标注层):</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="65" />
        <source>Annotators (comma-separated; empty: everyone)</source>
        <translation>标注员(逗号分隔;留空为全部)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="70" />
        <source>Any label</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="79" />
        <source>Auto-adjudicate agreed</source>
        <translation>自动采纳一致结果</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="83" />
        <source>Dashboard…</source>
        <translation>仪表板…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="107" />
        <source>Gold candidate</source>
        <translation>金标准候选</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="128" />
        <source>Remove span</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="133" />
        <source>Why (recorded with the decision)</source>
        <translation>理由(随裁定一并记录)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="137" />
        <source>Accept (Enter)</source>
        <translation>接受 (Enter)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="138" />
        <source>Skip (S)</source>
        <translation>跳过 (S)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="139" />
        <source>Undo (Z)</source>
        <translation>撤销 (Z)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="235" />
        <source>resolved %d of %d · open: %d disputed, %d agreed, %d incomplete</source>
        <translation>已裁定 %d / %d · 待处理:%d 有分歧,%d 一致,%d 未完成</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="246" />
        <source>Any pair</source>
        <translation>任意两人</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="264" />
        <source>No open disagreements.</source>
        <translation>没有待处理的分歧。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="332" />
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="363" />
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/review_view.py" line="364" />
        <source>Candidate: %s</source>
        <translation>候选:%s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/widgets/review_view.py" line="443" />
        <source>%n agreed sentence(s) promoted to gold. </source>
        <translation><numerusform>%n 个一致的句子已写入金标准。</numerusform></translation>
    </message>
    <message>
        <source>%d agreed sentence(s) promoted to gold. </source>
        <translation type="vanished">%d 个一致的句子已写入金标准。</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/server_dialog.py" line="42" />
        <source>Open project on a server</source>
        <translation>打开服务器上的项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/server_dialog.py" line="45" />
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/server_dialog.py" line="53" />
        <source>postgresql://user@host[:port]/dbname, or service=name from a service file. The password comes from ~/.pgpass, PGPASSWORD or the service file; annotator never asks for it and never saves it.</source>
        <translation>postgresql://用户@主机[:端口]/数据库名，或服务文件中的 service=名称。密码取自 ~/.pgpass、PGPASSWORD 或服务文件；annotator 从不询问也从不保存密码。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/server_dialog.py" line="70" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/server_dialog.py" line="71" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/server_dialog.py" line="82" />
        <source>%s: not a server address; it starts with postgresql:// or service=</source>
        <translation>%s：不是服务器地址；应以 postgresql:// 或 service= 开头</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/shortcuts_dialog.py" line="21" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/shortcuts_dialog.py" line="34" />
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/shortcuts_dialog.py" line="34" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>UncertainDock</name>
    <message>
        <location filename="../../annotator/gui/widgets/learning.py" line="26" />
        <source>Uncertain first</source>
        <translation>最不确定优先</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/learning.py" line="32" />
        <source>Learn → Retrain model (Ctrl+R) to rank undecided sentences.</source>
        <translation>学习 → 重新训练模型 (Ctrl+R),以对未判定句子排序。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/widgets/learning.py" line="59" />
        <source>%n undecided sentence(s), most uncertain first (model %s). Enter on a sentence of this list moves on to the next one in it.</source>
        <translation><numerusform>%n 个未判定句子,最不确定的在前(模型 %s)。在列表中的句子上按 Enter 会跳到列表中的下一句。</numerusform></translation>
    </message>
    <message>
        <source>%d undecided sentences, most uncertain first (model %s). Enter on a sentence of this list moves on to the next one in it.</source>
        <translation type="vanished">%d 个未判定句子,最不确定的在前(模型 %s)。在列表中的句子上按 Enter 会跳到列表中的下一句。</translation>
    </message>
</context>
</TS>