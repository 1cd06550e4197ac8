<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../annotator/gui/actions.py" line="36" />
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="37" />
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="39" />
        <source>&amp;Import article files…</source>
        <translation>导入文章文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="44" />
        <source>Import article &amp;folder…</source>
        <translation>导入文章文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="48" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="49" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="50" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="51" />
        <source>&amp;Find articles…</source>
        <translation>查找文章(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="52" />
        <source>&amp;Clear labels</source>
        <translation>清除标签(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="54" />
        <source>Confirm and &amp;next undecided</source>
        <translation>确认并跳到下一未判定句(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="56" />
        <source>Flip &amp;boilerplate</source>
        <translation>切换模板文字标记(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="58" />
        <source>&amp;Remove selected span</source>
        <translation>删除选中片段(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="60" />
        <source>Edit &amp;note</source>
        <translation>编辑备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="64" />
        <source>&amp;Accept suggestions</source>
        <translation>接受建议(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="71" />
        <source>Re&amp;ject suggestions</source>
        <translation>拒绝建议(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="76" />
        <source>&amp;Next sentence</source>
        <translation>下一句(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="79" />
        <source>&amp;Previous sentence</source>
        <translation>上一句(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="84" />
        <source>Next article with &amp;undecided sentences</source>
        <translation>下一篇有未判定句子的文章(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="88" />
        <source>P&amp;revious article</source>
        <translation>上一篇文章(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="90" />
        <source>&amp;Hide boilerplate</source>
        <translation>隐藏模板文字(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="93" />
        <source>&amp;Guidelines</source>
        <translation>标注规范(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="96" />
        <source>Show &amp;suggestions</source>
        <translation>显示建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="98" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="99" />
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="103" />
        <source>&amp;Switch annotator…</source>
        <translation>切换标注员(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="108" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="110" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="122" />
        <source>Toggle %s (or span from selection)</source>
        <translation>切换“%s”(有选中文字时添加片段)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="133" />
        <source>Exact %s span (no snapping)</source>
        <translation>精确的“%s”片段(不对齐词语)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="20" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="20" />
        <source>Annotator projects (*.db)</source>
        <translation>标注项目 (*.db)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="26" />
        <source>Label schema (Cancel for the default schema)</source>
        <translation>标签方案(取消则使用默认方案)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="28" />
        <source>Label schemas (*.toml)</source>
        <translation>标签方案 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="35" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="35" />
        <source>Annotator projects (*.db);;All files (*)</source>
        <translation>标注项目 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="43" />
        <source>Import articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="45" />
        <source>Articles (*.txt *.html *.htm *.jsonl);;All files (*)</source>
        <translation>文章 (*.txt *.html *.htm *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/project_dialogs.py" line="51" />
        <source>Import a folder of articles</source>
        <translation>导入文章文件夹</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="46" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="47" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="48" />
        <source>Sent.</source>
        <translation>句数</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="49" />
        <source>Done</source>
        <translation>已判定</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="50" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="132" />
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="133" />
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/article_list.py" line="134" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>FormPanel</name>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="74" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="85" />
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="132" />
        <source>Spans</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="136" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="136" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="147" />
        <source>Select text in the article and press a label key to add a span (snapped to words; hold Alt for exact characters).</source>
        <translation>在文章中选中文字后按标签键即可添加片段(自动对齐词语;按住 Alt 则精确到字)。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="158" />
        <location filename="../../annotator/gui/widgets/form_panel.py" line="263" />
        <source>Remove span</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="168" />
        <source>Note (why, doubts, questions for the reviewer)</source>
        <translation>备注(理由、疑问、给审核人的问题)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="176" />
        <source>Decided (Enter confirms and moves on)</source>
        <translation>已判定(Enter 确认并继续)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="269" />
        <source>Toggle label</source>
        <translation>切换标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="276" />
        <source>Edit field</source>
        <translation>编辑字段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="284" />
        <source>Edit span field</source>
        <translation>编辑片段字段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="301" />
        <source>Edit note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/form_panel.py" line="306" />
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
        <location filename="../../annotator/gui/main_window.py" line="95" />
        <source>Search titles and text (Ctrl+F)</source>
        <translation>搜索标题和正文 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="101" />
        <source>All articles</source>
        <translation>全部文章</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="192" />
        <source>1-3 label · 0 clear · Enter confirm · J/K move · N/P article · B boilerplate · ? keys</source>
        <translation>1-3 标签 · 0 清除 · Enter 确认 · J/K 移动 · N/P 文章 · B 模板文字 · ? 快捷键</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="204" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="205" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="206" />
        <source>&amp;Annotate</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="207" />
        <source>&amp;Navigate</source>
        <translation>导航(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="208" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="209" />
        <source>A&amp;nnotator</source>
        <translation>标注员(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="210" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="219" />
        <source>Open &amp;recent</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="304" />
        <source>Annotator: %s</source>
        <translation>标注员:%s</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="306" />
        <source>✓ saved %s</source>
        <translation>✓ 已保存 %s</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="306" />
        <source>✓ all saved</source>
        <translation>✓ 全部已保存</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="313" />
        <source>Article %s · project %d/%d</source>
        <translation>本文 %s · 项目 %d/%d</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="374" />
        <source>No other article has undecided sentences.</source>
        <translation>没有其他文章还有未判定的句子。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="392" />
        <source>A span must lie inside one sentence.</source>
        <translation>片段必须位于同一个句子之内。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="399" />
        <source>Toggle label</source>
        <translation>切换标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="423" />
        <source>Add span</source>
        <translation>添加片段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="427" />
        <source>Clear labels</source>
        <translation>清除标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="437" />
        <source>Confirm sentence</source>
        <translation>确认句子</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="444" />
        <source>Every sentence of this article is decided. N goes to the next article.</source>
        <translation>本文所有句子都已判定。按 N 进入下一篇文章。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="452" />
        <location filename="../../annotator/gui/main_window.py" line="456" />
        <source>No suggestions for this sentence.</source>
        <translation>本句没有建议。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="520" />
        <source>About annotator</source>
        <translation>关于 annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="521" />
        <source>annotator %s — an annotation workbench for Chinese news and publicity.</source>
        <translation>annotator %s——中文新闻与宣传文本标注工作台。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="579" />
        <source>Importing articles…</source>
        <translation>正在导入文章…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="579" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="588" />
        <source>Importing articles… %d of %d files</source>
        <translation>正在导入文章… 第 %d / %d 个文件</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="602" />
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>ProjectSession</name>
    <message>
        <location filename="../../annotator/gui/session.py" line="140" />
        <source>Accept suggestions</source>
        <translation>接受建议</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/annotator_dialog.py" line="15" />
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/annotator_dialog.py" line="16" />
        <source>Your name (each annotator has their own layer):</source>
        <translation>你的名字(每位标注员有自己的标注层):</translation>
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
        <location filename="../../annotator/gui/dialogs/shortcuts_dialog.py" line="33" />
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/shortcuts_dialog.py" line="33" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
</TS>